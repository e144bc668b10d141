// Every table, for drizzle-kit and the typed client. Modules own their tables; this file only gathers them.
export * from "../modules/audit/audit.tables";
export * from "../modules/coldchain/coldchain.tables";
export * from "../modules/epcis/epcis.tables";
export * from "../modules/identity/identity.tables";
export * from "../modules/interventions/interventions.tables";
export * from "../modules/lots/lots.tables";
export * from "../modules/prices/prices.tables";
export * from "../modules/processing/processing.tables";
export * from "../modules/reference/reference.tables";
export * from "../modules/shipments/shipments.tables";
export * from "../modules/spread/spread.tables";
export * from "../modules/stability/stability.tables";
export * from "../modules/supply/supply.tables";
export * from "../modules/warehouse/warehouse.tables";
