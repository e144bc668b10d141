import { useQuery } from "@tanstack/react-query";
import { request } from "../../lib/api.ts";

export interface Regency {
  code: string;
  name: string;
}

/** Lampung's regencies and cities (Kemendagri, from the reference API), for targeting and filters. */
export function useLampungRegencies() {
  return useQuery({
    queryKey: ["regions", "regency", "18"],
    queryFn: () => request<{ items: Regency[] }>("GET", "/api/v1/regions?level=regency&parent=18"),
    staleTime: 60 * 60_000,
  });
}

/** "Kota Metro, Kabupaten Pesawaran" for codes, falling back to the code itself. */
export function regencyNames(codes: string[], regencies: Regency[] | undefined): string {
  return codes.map((c) => regencies?.find((r) => r.code === c)?.name ?? c).join(", ");
}
