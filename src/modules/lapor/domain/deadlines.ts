import type { ReportState, StageHours } from "./types";
import { isAgencyStage } from "./workflow";

const HOUR = 3_600_000;
/** The reporter's window to confirm or reopen a resolved report, then it closes itself. */
export const CONFIRM_DAYS = 7;
export const CONFIRM_MS = CONFIRM_DAYS * 24 * HOUR;

/** When the stage `state` entered at `start` must be done; null in states without an agency clock. */
export function stageDue(state: ReportState, start: Date, hours: StageHours): Date | null {
  if (!isAgencyStage(state)) return null;
  return new Date(start.getTime() + hours[state] * HOUR);
}

/** An agency stage whose deadline has passed. */
export function isOverdue(r: { state: ReportState; stageDueAt: Date | null }, now: Date): boolean {
  return isAgencyStage(r.state) && r.stageDueAt !== null && r.stageDueAt.getTime() < now.getTime();
}

/** Whether leaving an agency stage now met its deadline; null when leaving a stage without a clock. */
export function onTime(r: { state: ReportState; stageDueAt: Date | null }, now: Date): boolean | null {
  if (!isAgencyStage(r.state) || r.stageDueAt === null) return null;
  return now.getTime() <= r.stageDueAt.getTime();
}

export function confirmDue(resolvedAt: Date): Date {
  return new Date(resolvedAt.getTime() + CONFIRM_MS);
}

export interface EscalationInput {
  state: ReportState;
  agencyId: string;
  escalationLevel: number;
  overdueAt: Date | null;
  stageDueAt: Date | null;
}

export interface Escalation {
  fromAgencyId: string;
  agencyId: string;
  escalationLevel: number;
  stageStartedAt: Date;
  stageDueAt: Date;
  overdueAt: Date;
}

/**
 * An overdue report moves up: the responsible agency's parent takes it (at the top it stays, as a
 * reminder), the level goes up by one, the stage clock restarts from now, and `overdueAt` is set once.
 * Null when the report is not overdue.
 */
export function escalate(
  r: EscalationInput,
  parentOf: (agencyId: string) => string | null,
  hours: StageHours,
  now: Date,
): Escalation | null {
  if (!isOverdue(r, now)) return null;
  const due = stageDue(r.state, now, hours);
  if (!due) return null;
  return {
    fromAgencyId: r.agencyId,
    agencyId: parentOf(r.agencyId) ?? r.agencyId,
    escalationLevel: r.escalationLevel + 1,
    stageStartedAt: now,
    stageDueAt: due,
    overdueAt: r.overdueAt ?? now,
  };
}

/** menunggu_validasi past its confirm deadline closes as selesai by the system. */
export function shouldAutoClose(r: { state: ReportState; confirmDueAt: Date | null }, now: Date): boolean {
  return (
    r.state === "menunggu_validasi" && r.confirmDueAt !== null && r.confirmDueAt.getTime() <= now.getTime()
  );
}
