import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../src/db/client";
import { AppError } from "../../src/http/errors";
import { fixedClock } from "../../src/lib/clock";
import { createMediaService, MAX_SIDE_PX, type MediaService } from "../../src/modules/media";
import { createTestDatabase } from "../support/db";

let database: DatabaseHandle;
let media: MediaService;

beforeAll(async () => {
  database = await createTestDatabase();
  media = createMediaService({ db: database.db, clock: fixedClock(new Date("2026-11-30T03:00:00Z")) });
});
afterAll(async () => {
  await database?.close();
});

/** A phone photo: EXIF with GPS position and camera, stored sideways (orientation 6). */
function phonePhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#3a7d44" } })
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: "SamsungTest", Model: "Galaxy A05" },
        IFD3: {
          GPSLatitudeRef: "S",
          GPSLatitude: "5/1 25/1 0/1",
          GPSLongitudeRef: "E",
          GPSLongitude: "105/1 15/1 0/1",
        },
      },
    })
    .toBuffer();
}

async function rejectsWith(promise: Promise<unknown>, code: string) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
}

describe("media", () => {
  it("keeps no EXIF, GPS or camera data, turns the photo upright and stores it", async () => {
    const original = await phonePhoto(400, 300);
    const before = await sharp(original).metadata();
    expect(before.exif, "the fixture carries EXIF").toBeDefined();
    expect(before.orientation).toBe(6);

    const stored = await media.store({ ownerUserId: null, purpose: "report_photo", data: original });
    expect(stored).toMatchObject({ contentType: "image/jpeg", width: 300, height: 400 });

    const file = await media.get(stored.id);
    expect(file?.bytes.length).toBe(stored.size);
    const after = await sharp(file?.bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect(file?.bytes.includes(Buffer.from("SamsungTest"))).toBe(false);
    expect([after.width, after.height]).toEqual([300, 400]);
  });

  it("scales large photos down to the longest side allowed", async () => {
    const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: "#888" } })
      .jpeg()
      .toBuffer();
    const stored = await media.store({ ownerUserId: null, purpose: "news_image", data: big });
    expect(Math.max(stored.width, stored.height)).toBe(MAX_SIDE_PX);
    expect(stored.width / stored.height).toBeCloseTo(4 / 3, 2);
  });

  it("keeps transparency as PNG and accepts WebP", async () => {
    const png = await sharp({
      create: { width: 20, height: 20, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    expect((await media.store({ ownerUserId: null, purpose: "news_image", data: png })).contentType).toBe(
      "image/png",
    );
    const webp = await sharp({ create: { width: 20, height: 20, channels: 3, background: "#123456" } })
      .webp()
      .toBuffer();
    expect((await media.store({ ownerUserId: null, purpose: "news_image", data: webp })).contentType).toBe(
      "image/jpeg",
    );
  });

  it("refuses other types whatever they are declared as, oversized files and broken images", async () => {
    const gif = Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1");
    await rejectsWith(
      media.store({ ownerUserId: null, purpose: "report_photo", data: gif, declaredType: "image/jpeg" }),
      "media.unsupported_type",
    );
    await rejectsWith(
      media.store({
        ownerUserId: null,
        purpose: "report_photo",
        data: Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      }),
      "media.unsupported_type",
    );
    const huge = Buffer.alloc(5 * 1024 * 1024 + 1, 0);
    huge.set([0xff, 0xd8, 0xff], 0);
    await rejectsWith(
      media.store({ ownerUserId: null, purpose: "report_photo", data: huge }),
      "media.too_large",
    );
    const truncated = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);
    await rejectsWith(
      media.store({ ownerUserId: null, purpose: "report_photo", data: truncated }),
      "media.unreadable",
    );
  });

  it("describes files without their bytes and removes them", async () => {
    const data = await phonePhoto(40, 30);
    const stored = await media.store({ ownerUserId: null, purpose: "report_photo", data });
    const [described] = await media.describe([stored.id]);
    expect(described).toMatchObject({ id: stored.id, purpose: "report_photo", ownerUserId: null });
    expect(described).not.toHaveProperty("bytes");
    await media.remove(stored.id);
    expect(await media.get(stored.id)).toBeNull();
  });
});
