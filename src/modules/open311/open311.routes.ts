import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Open311Service } from "./open311.service";

// Skeleton (issue 5): the helper building this module replaces it.
export const open311Routes: FastifyPluginAsyncZod<{ open311: Open311Service }> = async () => {};
