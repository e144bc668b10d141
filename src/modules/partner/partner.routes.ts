import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PartnerService } from "./partner.service";

export const partnerRoutes: FastifyPluginAsyncZod<{ partner: PartnerService }> = async () => {};
