export { interventionsRoutes } from "./interventions.routes";
export { createInterventionsService, type InterventionsService } from "./interventions.service";
