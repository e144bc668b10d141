import { AGENCY_STAGES, type AgencyStage, type ReportState } from "./types";

/** What people can do to a report; the HTTP `action` field. */
export const ACTIONS = [
  "accept",
  "dispose",
  "start",
  "resolve",
  "reject",
  "confirm",
  "reopen",
  "reply",
  "assign",
  "rate",
] as const;
export type Action = (typeof ACTIONS)[number];

/** How the caller stands to a report. Admins act as agency. */
export type Role = "reporter" | "agency" | "follower";

export const OPEN_STATES: readonly ReportState[] = [...AGENCY_STAGES, "menunggu_validasi"];
export const TERMINAL_STATES: readonly ReportState[] = ["selesai", "ditolak"];

export function isAgencyStage(state: ReportState): state is AgencyStage {
  return (AGENCY_STAGES as readonly string[]).includes(state);
}
export function isOpen(state: ReportState): boolean {
  return !TERMINAL_STATES.includes(state);
}

interface Rule {
  roles: readonly Role[];
  /** States the action may be taken in. */
  from: readonly ReportState[];
  /** The state after it; null: the state does not change. */
  to: ReportState | null;
  noteRequired: boolean;
}

const AGENCY_OPEN: readonly ReportState[] = AGENCY_STAGES;
const ALL_STATES: readonly ReportState[] = [...OPEN_STATES, ...TERMINAL_STATES];

/**
 * The state machine (JAKI / DIGIT style):
 * menunggu →accept→ koordinasi →dispose→ disposisi →start→ proses →resolve→ menunggu_validasi →confirm→ selesai;
 * koordinasi →start→ proses; menunggu_validasi →reopen→ dibuka_kembali →resolve→ menunggu_validasi;
 * any agency stage →reject→ ditolak. reply and assign keep the state; rate only on selesai.
 */
export const RULES: Record<Action, Rule> = {
  accept: { roles: ["agency"], from: ["menunggu"], to: "koordinasi", noteRequired: false },
  dispose: { roles: ["agency"], from: ["koordinasi"], to: "disposisi", noteRequired: false },
  start: { roles: ["agency"], from: ["koordinasi", "disposisi"], to: "proses", noteRequired: false },
  resolve: {
    roles: ["agency"],
    from: ["proses", "dibuka_kembali"],
    to: "menunggu_validasi",
    noteRequired: true,
  },
  reject: { roles: ["agency"], from: AGENCY_OPEN, to: "ditolak", noteRequired: true },
  confirm: { roles: ["reporter"], from: ["menunggu_validasi"], to: "selesai", noteRequired: false },
  reopen: { roles: ["reporter"], from: ["menunggu_validasi"], to: "dibuka_kembali", noteRequired: true },
  reply: { roles: ["agency", "reporter"], from: ALL_STATES, to: null, noteRequired: true },
  assign: { roles: ["agency"], from: AGENCY_OPEN, to: null, noteRequired: false },
  rate: { roles: ["reporter"], from: ["selesai"], to: null, noteRequired: false },
};

export type Check =
  | { ok: true; to: ReportState | null }
  | { ok: false; error: "forbidden" | "invalid_transition" | "note_required" };

/** Whether `roles` may take `action` in `state`: the role first (403), then the state (409). */
export function checkAction(
  state: ReportState,
  action: Action,
  roles: readonly Role[],
  opts: { note?: string | null | undefined } = {},
): Check {
  const rule = RULES[action];
  if (!rule.roles.some((r) => roles.includes(r))) return { ok: false, error: "forbidden" };
  if (!rule.from.includes(state)) return { ok: false, error: "invalid_transition" };
  if (rule.noteRequired && !opts.note?.trim()) return { ok: false, error: "note_required" };
  return { ok: true, to: rule.to };
}

/** The target state of an allowed action, or null when the state does not change / the action is not allowed. */
export function nextState(state: ReportState, action: Action): ReportState | null | undefined {
  const rule = RULES[action];
  if (!rule.from.includes(state)) return undefined;
  return rule.to;
}

/** Actions a caller with `roles` may take now (what the UI offers). */
export function allowedActions(input: {
  state: ReportState;
  roles: readonly Role[];
  merged?: boolean;
  rated?: boolean;
  /** menunggu_validasi: the reporter may still reopen. */
  reopenOpen?: boolean;
  /** dispose needs somewhere to dispose to. */
  canDispose?: boolean;
}): Action[] {
  if (input.merged) return [];
  return ACTIONS.filter((a) => {
    const rule = RULES[a];
    if (!rule.roles.some((r) => input.roles.includes(r)) || !rule.from.includes(input.state)) return false;
    if (a === "rate" && input.rated) return false;
    if (a === "reopen" && input.reopenOpen === false) return false;
    if (a === "dispose" && input.canDispose === false) return false;
    return true;
  });
}
