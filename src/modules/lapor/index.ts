export { chainOf, disposeTargets, subtreeOf } from "./domain/agencies";
export { CONFIRM_DAYS } from "./domain/deadlines";
export { haversineM, inIndonesia, LAMPUNG_SEATS, nearestRegency } from "./domain/geo";
export {
  AGENCY_LEVELS,
  AGENCY_STAGES,
  type AgencyLevel,
  type CategoryAttribute,
  PRIVACY,
  type Privacy,
  REPORT_STATES,
  type ReportState,
  type StageHours,
} from "./domain/types";
export type {
  Agency,
  Bilingual,
  Category,
  HistoryEntry,
  InboxItem,
  LeagueRow,
  Photo,
  PublicReport,
  Report,
  ReportLite,
} from "./domain/views";
export { ACTIONS, type Action } from "./domain/workflow";
export { DEFAULT_AGENCIES, DEFAULT_CATEGORIES, loadLaporDefaults } from "./lapor.defaults";
export { LAPOR_DEMO_USERS, seedLaporDemo } from "./lapor.demo";
export { LaporErrors } from "./lapor.errors";
export { laporRoutes } from "./lapor.routes";
export {
  type ActionInput,
  type CategoryInput,
  createLaporService,
  type FileInput,
  type LaporService,
  type PublicFilter,
} from "./lapor.service";
export { startLaporSweeper } from "./lapor.sweeper";
