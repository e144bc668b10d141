import type { FastifyInstance } from "fastify";
import sharp from "sharp";
import { expect } from "vitest";
import { bearer } from "../support/app";

/** Demo staff of the Lapor agencies (seeded in demo mode). */
export const LAPOR_STAFF = {
  pu: "pu@lumbung.test",
  dlh: "dlh@lumbung.test",
  kecamatan: "kecamatan@lumbung.test",
  pemkot: "pemkot@lumbung.test",
} as const;

/** Jalan Raden Intan, Tanjungkarang Pusat, Bandar Lampung. */
export const TKP = {
  latitude: -5.4205,
  longitude: 105.2583,
  regencyCode: "18.71",
  districtCode: "18.71.06",
  villageCode: "18.71.06.1005",
};

let seq = 0;
export const requestId = (prefix = "req") => `${prefix}-${Date.now()}-${++seq}-abcdef`;

/** A real JPEG with camera EXIF, as a phone would send. */
export async function jpeg(color = "#c00") {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: color } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Make: "TestCam" } } })
    .toBuffer();
}

export async function uploadPhoto(app: FastifyInstance, token: string, data?: Buffer): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/lapor/photos",
    headers: { ...bearer(token), "content-type": "image/jpeg" },
    payload: data ?? (await jpeg()),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

// biome-ignore lint/suspicious/noExplicitAny: loosely typed JSON answers in tests
export type Json = Record<string, any>;

export async function fileReport(
  app: FastifyInstance,
  token: string,
  body: Json = {},
  expected = 201,
): Promise<Json> {
  const photoIds = body.photoIds ?? [await uploadPhoto(app, token)];
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/lapor/reports",
    headers: bearer(token),
    payload: {
      clientRequestId: requestId(),
      categoryCode: "jalan-rusak",
      description: "Jalan berlubang besar di depan pasar, berbahaya bagi motor.",
      ...TKP,
      privacy: "public",
      photoIds,
      ...body,
    },
  });
  expect(res.statusCode, res.body).toBe(expected);
  return res.json();
}

export async function act(app: FastifyInstance, token: string, id: string, body: Json, expected = 200) {
  const res = await app.inject({
    method: "POST",
    url: `/api/v1/lapor/reports/${id}/actions`,
    headers: bearer(token),
    payload: body,
  });
  expect(res.statusCode, res.body).toBe(expected);
  return res;
}
