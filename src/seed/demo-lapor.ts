import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import type { Database } from "../db/client";
import type { Principal } from "../http/access";
import { identityRepository, personaFor } from "../modules/identity";
import type { Action, FileInput } from "../modules/lapor";

/**
 * Demo mode only (with the other demo activity): a handful of SYNTHETIC citizen reports in Bandar Lampung,
 * filed by the demo citizen through the Lapor service and moved along the workflow by the demo staff, so the
 * public feed, the map, the console and the league have something to show. Idempotent: every report has a
 * fixed clientRequestId, and the workflow steps run only when the report was filed now.
 * (The demo staff accounts themselves come from `seedLaporDemo`, called from `seedDemo`.)
 */

type Services = FastifyInstance["services"];

async function principalOf(db: Database, email: string): Promise<Principal | null> {
  const user = await identityRepository.findUserByEmail(db, email);
  if (!user) return null;
  const [m] = await identityRepository.membershipsOf(db, user.id);
  return {
    type: "user",
    userId: user.id,
    name: user.name,
    isAdmin: user.isAdmin,
    persona: personaFor(user.isAdmin, m?.kind ?? null),
    sessionId: "demo-seed",
    organisationId: m?.organisationId ?? null,
    organisationKind: m?.kind ?? null,
    membershipRole: m?.role ?? null,
  };
}

/** A plain coloured picture standing in for a phone photo. */
function picture(color: string) {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: color } })
    .jpeg({ quality: 70 })
    .toBuffer();
}

type Step = {
  by: "pu" | "dlh" | "kecamatan" | "pemkot" | "warga";
  action: Action;
  extra?: Record<string, unknown>;
};

interface DemoReport {
  key: string;
  input: Omit<FileInput, "reporterUserId" | "source" | "clientRequestId" | "photoIds">;
  photo?: string;
  steps: Step[];
}

const TKP = { regencyCode: "18.71", districtCode: "18.71.06" };

const REPORTS: DemoReport[] = [
  {
    key: "demo-lapor-jalan-raden-intan",
    input: {
      categoryCode: "jalan-rusak",
      description: "Lubang besar di lajur kiri Jl. Raden Intan dekat simpang, motor sering oleng saat hujan.",
      latitude: -5.4172,
      longitude: 105.2588,
      address: "Jl. Raden Intan, Tanjungkarang Pusat",
      ...TKP,
      privacy: "public",
      attributes: { ukuran: "besar" },
    },
    photo: "#6b5b4b",
    steps: [
      { by: "pu", action: "accept" },
      {
        by: "pu",
        action: "dispose",
        extra: { targetAgencyCode: "kec-tanjungkarang-pusat", note: "Jalan lingkungan" },
      },
      { by: "kecamatan", action: "start" },
    ],
  },
  {
    key: "demo-lapor-sampah-pasar",
    input: {
      categoryCode: "sampah",
      description: "Sampah di belakang pasar belum diangkut tiga hari, baunya sampai ke permukiman.",
      latitude: -5.4205,
      longitude: 105.2614,
      address: "Belakang Pasar Bawah, Tanjungkarang",
      ...TKP,
      privacy: "public",
    },
    photo: "#4f6b3a",
    steps: [],
  },
  {
    key: "demo-lapor-lampu-teuku-umar",
    input: {
      categoryCode: "lampu-jalan",
      description: "Tiga lampu jalan mati berturut-turut di Jl. Teuku Umar, gelap sekali malam hari.",
      latitude: -5.3967,
      longitude: 105.2596,
      address: "Jl. Teuku Umar, Kedaton",
      regencyCode: "18.71",
      privacy: "public",
    },
    steps: [],
  },
  {
    key: "demo-lapor-drainase-kartini",
    input: {
      categoryCode: "drainase",
      description: "Gorong-gorong di Jl. Kartini tersumbat, air meluap ke jalan setiap hujan deras.",
      latitude: -5.4189,
      longitude: 105.256,
      address: "Jl. Kartini, Tanjungkarang Pusat",
      ...TKP,
      privacy: "public",
    },
    photo: "#3a4f6b",
    steps: [
      { by: "pu", action: "accept" },
      { by: "pu", action: "start" },
      { by: "pu", action: "resolve", extra: { note: "Gorong-gorong sudah dibersihkan.", photo: "#5c7c8c" } },
    ],
  },
  {
    key: "demo-lapor-pohon-monginsidi",
    input: {
      categoryCode: "pohon-tumbang",
      description: "Dahan pohon besar patah menggantung di atas trotoar Jl. Wolter Monginsidi.",
      latitude: -5.4284,
      longitude: 105.2554,
      address: "Jl. Wolter Monginsidi, Telukbetung Utara",
      regencyCode: "18.71",
      privacy: "public",
    },
    photo: "#2f5d2f",
    steps: [
      { by: "dlh", action: "accept" },
      { by: "dlh", action: "start" },
      {
        by: "dlh",
        action: "resolve",
        extra: { note: "Dahan sudah dipotong dan diangkut.", photo: "#8c7c5c" },
      },
      { by: "warga", action: "confirm" },
      { by: "warga", action: "rate", extra: { rating: 5, comment: "Cepat, terima kasih." } },
    ],
  },
  {
    key: "demo-lapor-pelayanan-kelurahan",
    input: {
      categoryCode: "pelayanan-publik",
      description: "Antrean pembuatan surat keterangan di kantor kelurahan tidak jelas urutannya.",
      latitude: -5.4231,
      longitude: 105.2541,
      ...TKP,
      villageCode: "18.71.06.1005",
      privacy: "private",
    },
    steps: [{ by: "pemkot", action: "accept" }],
  },
];

export async function seedLaporActivity(db: Database, services: Services): Promise<{ filed: number }> {
  const people = {
    warga: await principalOf(db, "warga@lumbung.test"),
    pu: await principalOf(db, "pu@lumbung.test"),
    dlh: await principalOf(db, "dlh@lumbung.test"),
    kecamatan: await principalOf(db, "kecamatan@lumbung.test"),
    pemkot: await principalOf(db, "pemkot@lumbung.test"),
  };
  const warga = people.warga;
  if (warga?.type !== "user") return { filed: 0 };
  let filed = 0;
  for (const r of REPORTS) {
    const photoIds = r.photo
      ? [
          (
            await services.media.store({
              ownerUserId: warga.userId,
              purpose: "report_photo",
              data: await picture(r.photo),
            })
          ).id,
        ]
      : [];
    const { report, created } = await services.lapor.file({
      ...r.input,
      reporterUserId: warga.userId,
      source: "app",
      clientRequestId: r.key,
      photoIds,
    });
    if (!created) {
      // Filed on an earlier start: the picture just stored is not needed.
      for (const id of photoIds) await services.media.remove(id);
      continue;
    }
    filed += 1;
    for (const step of r.steps) {
      const who = people[step.by];
      if (who?.type !== "user") break;
      const { photo, ...extra } = step.extra ?? {};
      const stepPhotos =
        typeof photo === "string"
          ? [
              (
                await services.media.store({
                  ownerUserId: who.userId,
                  purpose: "report_photo",
                  data: await picture(photo),
                })
              ).id,
            ]
          : undefined;
      await services.lapor.act(who, report.id, {
        action: step.action,
        ...(extra as Record<string, never>),
        ...(stepPhotos ? { photoIds: stepPhotos } : {}),
      });
    }
  }
  return { filed };
}
