/** The processing (hilirisasi) API as /konsol/olahan uses it, on lib/api.ts's request. */
import { request as call } from "../../lib/api.ts";

export interface CommodityRef {
  code: string;
  name: string;
  nameEn: string;
}

export interface Process {
  code: string;
  name: string;
  nameEn: string;
  input: CommodityRef;
  output: CommodityRef;
  minYieldPercent: number;
  maxYieldPercent: number;
  source: string;
  updatedAt: string;
}

export interface InputLot {
  id: string;
  kind: "harvest" | "product";
  lgtin: string;
  lotCode: string;
  organisation: { id: string; name: string };
  commodity: { code: string; name: string };
  kg: number;
  harvestDate: string | null;
  villageLabel: string | null;
  productionDate: string | null;
}

export interface RunItem {
  epc: string;
  kg: number | null;
  commodity: CommodityRef | null;
  via: string | null;
}

export interface ProductLotRef {
  id: string;
  lotCode: string;
  lgtin: string;
  kg: number;
  grade: string;
  digitalLink: string;
}

export interface Run {
  id: string;
  eventId: string;
  at: string;
  organisation: { id: string; name: string } | null;
  process: { code: string; name: string; nameEn: string } | null;
  productionOrder: string | null;
  site: { sgln: string; name: string | null } | null;
  inputs: RunItem[];
  outputs: RunItem[];
  inputKg: number;
  outputKg: number;
  yieldPercent: number | null;
  range: { minPercent: number; maxPercent: number } | null;
  flagged: boolean;
  flagReason: string | null;
  flagReasonId: string | null;
  productLots: ProductLotRef[];
}

export interface Farm {
  lgtin: string;
  lotCode: string;
  organisation: { id: string; name: string };
  commodity: { code: string; name: string };
  harvestDate: string | null;
  village: { code: string; label: string | null } | null;
  kg: number;
}

export interface RunDetail extends Run {
  origins: { input: string; farms: Farm[] }[];
}

export interface RunBody {
  processCode: string;
  inputs: ({ lotId: string; kg: string } | { lgtin: string; kg: string })[];
  outputs: { kg: string; grade: string }[];
  productionOrder?: string;
  productionDate?: string;
  organisationId?: string;
}

export const processingApi = {
  processes: () => call<{ items: Process[] }>("GET", "/api/v1/processing/processes"),
  inputLots: () => call<{ items: InputLot[] }>("GET", "/api/v1/processing/input-lots"),
  runs: (flaggedOnly: boolean) =>
    call<{ items: Run[]; nextCursor: string | null }>(
      "GET",
      `/api/v1/processing/runs?limit=100${flaggedOnly ? "&flagged=true" : ""}`,
    ),
  run: (id: string) => call<RunDetail>("GET", `/api/v1/processing/runs/${encodeURIComponent(id)}`),
  record: (body: RunBody) => call<Run>("POST", "/api/v1/processing/runs", body),
  processors: () =>
    call<{ items: { id: string; name: string; kind: string }[] }>(
      "GET",
      "/api/v1/organisations?kind=processor",
    ),
};

export function labelUrl(productLotId: string): string {
  return `/api/v1/processing/lots/${encodeURIComponent(productLotId)}/label.pdf`;
}
