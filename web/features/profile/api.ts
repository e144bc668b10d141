import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, request } from "../../lib/api.ts";

export type ConsentPurpose =
  | "nik_processing"
  | "notifications_sms"
  | "notifications_whatsapp"
  | "notifications_email"
  | "public_reports";

export interface Consent {
  purpose: ConsentPurpose;
  version: string;
  granted: boolean;
  at: string;
}

export interface Profile {
  name: string;
  email: string | null;
  phone: string | null;
  /** Masked: 1871**********01. */
  nik: string | null;
  regencyCode: string | null;
  consentVersion: string;
  consents: Consent[];
}

export interface Region {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

const PROFILE_KEY = ["profile"] as const;

export function useProfile() {
  return useQuery({ queryKey: PROFILE_KEY, queryFn: () => request<Profile>("GET", "/api/v1/me/profile") });
}

function useProfileMutation<T>(fn: (input: T) => Promise<Profile>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (profile) => {
      queryClient.setQueryData(PROFILE_KEY, profile);
      // The header shows the name from the session.
      void queryClient.invalidateQueries({ queryKey: ["session"] });
    },
  });
}

export function useUpdateProfile() {
  return useProfileMutation(
    (body: { name?: string; phone?: string | null; regencyCode?: string | null; nik?: string | null }) =>
      request<Profile>("PUT", "/api/v1/me/profile", body),
  );
}

export function useSetConsent() {
  return useProfileMutation((body: { purpose: ConsentPurpose; granted: boolean; version: string }) =>
    request<Profile>("POST", "/api/v1/me/consents", body),
  );
}

/** Gives consent (if not already current) and saves the NIK, in that order. */
export function useSaveNik() {
  return useProfileMutation(async ({ nik, profile }: { nik: string; profile: Profile }) => {
    const current = profile.consents.find((c) => c.purpose === "nik_processing");
    if (!current?.granted || current.version !== profile.consentVersion) {
      await request<Profile>("POST", "/api/v1/me/consents", {
        purpose: "nik_processing",
        granted: true,
        version: profile.consentVersion,
      });
    }
    return request<Profile>("PUT", "/api/v1/me/profile", { nik });
  });
}

/** Lampung's and DKI Jakarta's regencies (the provinces Lumbung serves) and all provinces. */
export function useRegions() {
  return useQuery({
    queryKey: ["regions", "profile"],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: async () => {
      const [provinces, lampung, dki] = await Promise.all(
        ["?level=province", "?level=regency&parent=18", "?level=regency&parent=31"].map((q) =>
          request<{ items: Region[] }>("GET", `/api/v1/regions${q}`),
        ),
      );
      return {
        provinces: provinces?.items ?? [],
        regencies: [...(lampung?.items ?? []), ...(dki?.items ?? [])],
      };
    },
  });
}

/** Fetches the data download and hands it to the browser as a file. */
export async function downloadMyData(): Promise<void> {
  const res = await fetch("/api/v1/me/data", {
    credentials: "same-origin",
    headers: { Accept: "application/json, application/problem+json" },
  });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new ApiError(
      body && typeof body === "object" && "status" in body
        ? body
        : { type: "about:blank", title: res.statusText, status: res.status, code: `http.${res.status}` },
    );
  }
  const name =
    res.headers.get("content-disposition")?.match(/filename="([^"]+)"/)?.[1] ?? "lumbung-data-saya.json";
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function deleteAccount(body: { password: string; confirm: string }): Promise<void> {
  return request<void>("DELETE", "/api/v1/me", body);
}
