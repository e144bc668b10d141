import { describe, expect, it } from "vitest";
import { sniffImage } from "./sniff";

const bytes = (...b: number[]) => Uint8Array.from(b);

describe("sniffImage", () => {
  it("recognises JPEG, PNG and WebP by their signatures", () => {
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("jpeg");
    expect(sniffImage(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("png");
    expect(sniffImage(Uint8Array.from(Buffer.from("RIFF\0\0\0\0WEBPVP8 ", "latin1")))).toBe("webp");
  });

  it("refuses anything else, whatever it claims to be", () => {
    expect(sniffImage(Uint8Array.from(Buffer.from("GIF89a......")))).toBeNull();
    expect(sniffImage(Uint8Array.from(Buffer.from("%PDF-1.7")))).toBeNull();
    expect(sniffImage(Uint8Array.from(Buffer.from("<svg xmlns=")))).toBeNull();
    expect(sniffImage(bytes(0xff, 0xd8))).toBeNull();
    expect(sniffImage(bytes())).toBeNull();
  });
});
