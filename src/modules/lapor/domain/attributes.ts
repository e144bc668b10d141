import type { CategoryAttribute } from "./types";

export type AttributeCheck =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; code: string; message: string };

/**
 * Checks a report's answers against its category's Open311 attributes: no unknown codes, required ones
 * present, list values among the keys, numbers numeric, date-times parseable. Returns the answers
 * normalised (numbers as numbers, multivaluelist as arrays, text trimmed to 2000 characters).
 */
export function checkAttributes(
  defs: readonly CategoryAttribute[],
  given: Record<string, unknown> = {},
): AttributeCheck {
  const out: Record<string, unknown> = {};
  const bad = (code: string, message: string): AttributeCheck => ({ ok: false, code, message });
  for (const key of Object.keys(given)) {
    if (!defs.some((d) => d.code === key)) return bad(key, `Unknown attribute ${key}`);
  }
  for (const d of defs) {
    const v = given[d.code];
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) {
      if (d.required) return bad(d.code, `Attribute ${d.code} is required`);
      continue;
    }
    const keys = (d.values ?? []).map((x) => x.key);
    switch (d.datatype) {
      case "singlevaluelist":
        if (!(typeof v === "string" && keys.includes(v))) {
          return bad(d.code, `Attribute ${d.code} must be one of ${keys.join(", ")}`);
        }
        out[d.code] = v;
        break;
      case "multivaluelist": {
        const arr = Array.isArray(v) ? v : [v];
        if (!arr.every((x) => typeof x === "string" && keys.includes(x))) {
          return bad(d.code, `Attribute ${d.code} must be among ${keys.join(", ")}`);
        }
        out[d.code] = [...new Set(arr)];
        break;
      }
      case "number": {
        const n =
          typeof v === "number" ? v : typeof v === "string" && v.trim() !== "" ? Number(v) : Number.NaN;
        if (!Number.isFinite(n)) return bad(d.code, `Attribute ${d.code} must be a number`);
        out[d.code] = n;
        break;
      }
      case "datetime":
        if (typeof v !== "string" || Number.isNaN(Date.parse(v))) {
          return bad(d.code, `Attribute ${d.code} must be a date-time`);
        }
        out[d.code] = v;
        break;
      default:
        if (typeof v === "object") return bad(d.code, `Attribute ${d.code} must be a single value`);
        out[d.code] = String(v).trim().slice(0, 2000);
    }
  }
  return { ok: true, value: out };
}
