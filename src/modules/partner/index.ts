export { partnerRoutes } from "./partner.routes";
export { createPartnerService, type PartnerService } from "./partner.service";
