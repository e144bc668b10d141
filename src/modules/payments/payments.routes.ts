import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { PaymentsService } from "./payments.service";

export const paymentsRoutes: FastifyPluginAsyncZod<{ payments: PaymentsService }> = async () => {};
