import { z } from "zod";

export const FieldErrorSchema = z.object({ field: z.string(), message: z.string() });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    code: z.string().meta({ description: "Stable machine-readable error code, e.g. auth.unauthenticated" }),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: "Problem", description: "RFC 9457 problem details (application/problem+json)" });

/** Problem responses for a route's OpenAPI entry: the standard ones plus any the route adds. */
export function problems(...statuses: number[]) {
  const all = new Set([400, 401, 403, ...statuses]);
  const out: Record<number, typeof ProblemSchema> = {};
  for (const s of [...all].sort()) out[s] = ProblemSchema;
  return out;
}

export const IdParam = z.object({ id: z.string().min(1).max(100) });

export const Pagination = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
