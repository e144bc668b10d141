import { describe, expect, it } from "vitest";
import { custodyOutcome, movementOf, nextStatus, type Where } from "./status";

const between: Where = { atHub: false, atDestination: false, allLegsArrived: false };
const hub: Where = { atHub: true, atDestination: false, allLegsArrived: false };
const destination: Where = { atHub: false, atDestination: true, allLegsArrived: true };

describe("movements", () => {
  it("reads CBV business steps and dispositions", () => {
    expect(movementOf("shipping", "in_transit")).toBe("shipping");
    expect(movementOf("departing", "in_transit")).toBe("departing");
    expect(movementOf("loading", "in_transit")).toBe("departing");
    expect(movementOf("arriving", "in_progress")).toBe("arriving");
    expect(movementOf("holding", "sellable_not_accessible")).toBe("holding");
    expect(movementOf("holding", "recalled")).toBe("holding");
    expect(movementOf("holding", "sellable_accessible")).toBe("releasing");
    expect(movementOf("staging_outbound", "in_transit")).toBe("staging");
    expect(movementOf("receiving", "sellable_not_accessible")).toBe("receiving");
    expect(movementOf("sensor_reporting", null)).toBe("other");
    expect(movementOf(null, null)).toBe("other");
  });
});

describe("status transitions", () => {
  it("follows a ro-ro journey", () => {
    expect(nextStatus("planned", "shipping", between)).toEqual({ status: "in_transit" });
    expect(nextStatus("in_transit", "departing", between)).toEqual({ status: "in_transit" });
    expect(nextStatus("in_transit", "arriving", hub)).toEqual({ status: "at_hub" });
    expect(nextStatus("at_hub", "inspecting", hub)).toEqual({ status: "at_hub" });
    expect(nextStatus("at_hub", "holding", hub)).toEqual({ status: "held" });
    expect(nextStatus("held", "releasing", hub)).toEqual({ status: "at_hub" });
    expect(nextStatus("at_hub", "staging", hub)).toEqual({ status: "at_hub" });
    expect(nextStatus("at_hub", "departing", hub)).toEqual({ status: "in_transit" });
    expect(nextStatus("in_transit", "arriving", destination)).toEqual({ status: "arrived" });
    expect(nextStatus("arrived", "receiving", destination, { acceptedGrams: 5, rejectedGrams: 0 })).toEqual({
      status: "delivered",
    });
  });

  it("arriving at a port on the way keeps a shipment in transit", () => {
    expect(nextStatus("in_transit", "arriving", between)).toEqual({ status: "in_transit" });
  });

  it("refuses moving a held shipment on, and keeps it held when it arrives somewhere", () => {
    expect(nextStatus("held", "departing", hub)).toEqual({ refused: "shipments.held" });
    expect(nextStatus("held", "staging", hub)).toEqual({ refused: "shipments.held" });
    expect(nextStatus("held", "arriving", hub)).toEqual({ status: "held" });
    expect(nextStatus("held", "receiving", destination, { acceptedGrams: 1, rejectedGrams: 0 })).toEqual({
      refused: "shipments.held",
    });
  });

  it("refuses a second dispatch, a receipt before dispatch, a second receipt and anything after cancelling", () => {
    expect(nextStatus("in_transit", "shipping", between)).toEqual({
      refused: "shipments.already_dispatched",
    });
    expect(nextStatus("planned", "receiving", destination, { acceptedGrams: 1, rejectedGrams: 0 })).toEqual({
      refused: "shipments.not_dispatched",
    });
    expect(nextStatus("delivered", "receiving", destination)).toEqual({
      refused: "shipments.already_received",
    });
    expect(nextStatus("cancelled", "shipping", between)).toEqual({ refused: "shipments.cancelled" });
  });

  it("keeps closed shipments closed: later events are history", () => {
    expect(nextStatus("delivered", "arriving", hub)).toEqual({ status: "delivered" });
    expect(nextStatus("rejected", "other", hub)).toEqual({ status: "rejected" });
  });

  it("decides custody from accepted and rejected mass", () => {
    expect(custodyOutcome(1000, 0)).toBe("delivered");
    expect(custodyOutcome(900, 100)).toBe("partially_delivered");
    expect(custodyOutcome(0, 1000)).toBe("rejected");
  });
});
