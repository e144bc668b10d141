export { cbvTerm } from "./domain/cbv";
export {
  canonicalDigitalLink,
  digitalLinkToEpcUri,
  epcUriToDigitalLink,
  gs1CheckDigit,
} from "./domain/epc-uri";
export { type EpcisDocument, type EpcisEvent, EVENT_TYPES } from "./domain/types";
export {
  type ContainerContents,
  containersOf,
  contentsOf,
  contentsOfMany,
  downstreamOf,
  eventsNaming,
  type GenealogyNode,
  knownEpcs,
  lotsOfGtin,
  upstreamOf,
} from "./epcis.genealogy";
export {
  glnKeyOf,
  type ParticipantResolver,
  type Projector,
  type StoredEvent,
} from "./epcis.projection";
export { epcisRoutes } from "./epcis.routes";
export { createEpcisService, type EpcisLimits, type EpcisService, epcsOf } from "./epcis.service";
