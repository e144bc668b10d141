export { type EpcisDocument, type EpcisEvent, EVENT_TYPES } from "./domain/types";
export { epcisRoutes } from "./epcis.routes";
export { createEpcisService, type EpcisLimits, type EpcisService, epcsOf } from "./epcis.service";
