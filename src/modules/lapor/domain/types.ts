/** Workflow states, modelled on JAKI and DIGIT. */
export const REPORT_STATES = [
  "menunggu",
  "koordinasi",
  "disposisi",
  "proses",
  "menunggu_validasi",
  "selesai",
  "ditolak",
  "dibuka_kembali",
] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** States in which the responsible agency has a clock running. */
export const AGENCY_STAGES = ["menunggu", "koordinasi", "disposisi", "proses", "dibuka_kembali"] as const;
export type AgencyStage = (typeof AGENCY_STAGES)[number];
export type StageHours = Record<AgencyStage, number>;

export const PRIVACY = ["public", "private", "anonymous"] as const;
/** public: on the public map and feed; private: only reporter and agency; anonymous: agency never sees who. */
export type Privacy = (typeof PRIVACY)[number];

export const AGENCY_LEVELS = ["kelurahan", "kecamatan", "kabupaten", "provinsi"] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** An Open311 service-definition attribute. */
export interface CategoryAttribute {
  code: string;
  datatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
  required: boolean;
  description: { id: string; en: string };
  order: number;
  values?: { key: string; name: { id: string; en: string } }[];
}
