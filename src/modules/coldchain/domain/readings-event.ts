/**
 * The ObjectEvent a batch of sensor readings becomes (../shared/design/corridor-events.md:
 * temperature, humidity → ObjectEvent OBSERVE, sensor_reporting, sensorElementList). Pure.
 */

export interface Reading {
  /** RFC 3339 in WIB. */
  time: string;
  temperature?: number | undefined;
  relativeHumidity?: number | undefined;
}

export interface ReadingsEventInput {
  context: unknown[];
  eventTime: string;
  /** Containers (SSCC) and other instances. */
  epcs: string[];
  /** Lots (LGTIN classes), named without a quantity: the readings concern the whole lot. */
  classes: string[];
  /** Where the sensor was: an SGLN; null in transit. */
  sgln: string | null;
  deviceId: string | null;
  readings: Reading[];
}

export function readingsEvent(input: ReadingsEventInput): Record<string, unknown> {
  const sensorElementList = input.readings.map((r) => {
    const sensorReport: Record<string, unknown>[] = [];
    // gs1: terms of the GS1 Web Vocabulary, as the EPCIS 2.0 JSON-LD context names sensor types.
    if (r.temperature !== undefined) {
      sensorReport.push({ type: "gs1:Temperature", value: r.temperature, uom: "CEL" });
    }
    if (r.relativeHumidity !== undefined) {
      sensorReport.push({ type: "gs1:RelativeHumidity", value: r.relativeHumidity, uom: "P1" });
    }
    return {
      sensorMetadata: { time: r.time, ...(input.deviceId ? { deviceID: input.deviceId } : {}) },
      sensorReport,
    };
  });
  return {
    "@context": input.context,
    type: "ObjectEvent",
    eventTime: input.eventTime,
    eventTimeZoneOffset: "+07:00",
    action: "OBSERVE",
    bizStep: "sensor_reporting",
    ...(input.epcs.length ? { epcList: input.epcs } : {}),
    ...(input.classes.length ? { quantityList: input.classes.map((epcClass) => ({ epcClass })) } : {}),
    ...(input.sgln
      ? { readPoint: { id: input.sgln }, bizLocation: { id: input.sgln } }
      : { "lb:inTransit": true }),
    sensorElementList,
  };
}
