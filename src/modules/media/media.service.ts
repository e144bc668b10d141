import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import sharp from "sharp";
import type { Database } from "../../db/client";
import { AppError } from "../../http/errors";
import type { Clock } from "../../lib/clock";
import { newId } from "../../lib/ids";
import { CONTENT_TYPES, sniffImage } from "./domain/sniff";
import "./media.errors";
import { type MediaPurpose, mediaFiles } from "./media.tables";

/** Largest upload accepted, before re-encoding. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Longest side kept: enough to see a pothole, small enough for a weak connection. */
export const MAX_SIDE_PX = 1600;
// Decompression bombs: a tiny file claiming a huge canvas is refused before it is decoded.
const MAX_INPUT_PIXELS = 50_000_000;

export interface MediaDeps {
  db: Database;
  clock: Clock;
}

export interface StoredMedia {
  id: string;
  contentType: string;
  size: number;
  width: number;
  height: number;
}

export interface MediaFile extends StoredMedia {
  bytes: Buffer;
  purpose: MediaPurpose;
  ownerUserId: string | null;
  createdAt: Date;
}

/**
 * Re-encodes an uploaded photo: turned upright from its EXIF orientation, scaled down to `MAX_SIDE_PX`, and
 * written without any metadata, so a reporter's GPS position, camera and timestamps never leave the server.
 * JPEG out, or PNG when the image has transparency.
 */
export async function reencodeImage(
  data: Buffer,
): Promise<{ bytes: Buffer; contentType: string; width: number; height: number }> {
  if (data.length > MAX_UPLOAD_BYTES)
    throw new AppError("media.too_large", `${data.length} bytes; at most ${MAX_UPLOAD_BYTES}`);
  const format = sniffImage(data);
  if (!format) throw new AppError("media.unsupported_type", "Only JPEG, PNG and WebP images are accepted");
  try {
    const image = sharp(data, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate().resize({
      width: MAX_SIDE_PX,
      height: MAX_SIDE_PX,
      fit: "inside",
      withoutEnlargement: true,
    });
    const { hasAlpha } = await sharp(data, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    const out =
      hasAlpha && format !== "jpeg"
        ? await image.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true })
        : await image
            .flatten({ background: "#ffffff" })
            .jpeg({ quality: 82, mozjpeg: true })
            .toBuffer({ resolveWithObject: true });
    return {
      bytes: out.data,
      contentType: out.info.format === "png" ? CONTENT_TYPES.png : CONTENT_TYPES.jpeg,
      width: out.info.width,
      height: out.info.height,
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError("media.unreadable", `The ${format} image could not be decoded`);
  }
}

export function createMediaService({ db, clock }: MediaDeps) {
  return {
    async store(input: {
      ownerUserId: string | null;
      purpose: MediaPurpose;
      data: Buffer;
      declaredType?: string;
    }): Promise<StoredMedia> {
      const image = await reencodeImage(input.data);
      const row = {
        id: newId("med"),
        ownerUserId: input.ownerUserId,
        purpose: input.purpose,
        contentType: image.contentType,
        bytes: image.bytes,
        size: image.bytes.length,
        width: image.width,
        height: image.height,
        sha256: createHash("sha256").update(image.bytes).digest("hex"),
        createdAt: clock.now(),
      };
      await db.insert(mediaFiles).values(row);
      return {
        id: row.id,
        contentType: row.contentType,
        size: row.size,
        width: row.width,
        height: row.height,
      };
    },

    async get(id: string): Promise<MediaFile | null> {
      const [row] = await db.select().from(mediaFiles).where(eq(mediaFiles.id, id)).limit(1);
      if (!row) return null;
      return {
        id: row.id,
        contentType: row.contentType,
        bytes: row.bytes,
        size: row.size,
        width: row.width,
        height: row.height,
        purpose: row.purpose,
        ownerUserId: row.ownerUserId,
        createdAt: row.createdAt,
      };
    },

    /** Metadata only (no bytes), for checks such as "is this the caller's upload". */
    async describe(ids: string[]): Promise<Omit<MediaFile, "bytes">[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({
          id: mediaFiles.id,
          contentType: mediaFiles.contentType,
          size: mediaFiles.size,
          width: mediaFiles.width,
          height: mediaFiles.height,
          purpose: mediaFiles.purpose,
          ownerUserId: mediaFiles.ownerUserId,
          createdAt: mediaFiles.createdAt,
        })
        .from(mediaFiles)
        .where(inArray(mediaFiles.id, ids));
      return rows;
    },

    async remove(id: string): Promise<void> {
      await db.delete(mediaFiles).where(eq(mediaFiles.id, id));
    },
  };
}

export type MediaService = ReturnType<typeof createMediaService>;
