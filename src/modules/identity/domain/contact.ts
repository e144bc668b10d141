import { z } from "zod";
import { bilingual } from "../../../http/errors";

/**
 * Indonesian mobile numbers in E.164: +62 8xx, 9–12 digits after the 8 block's leading 8.
 * People type 0812…, 62812…, +62 812-… ; all normalise to +62812….
 */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  let national: string;
  if (digits.startsWith("+62")) national = digits.slice(3);
  else if (digits.startsWith("62")) national = digits.slice(2);
  else if (digits.startsWith("0")) national = digits.slice(1);
  else return null;
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

export function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

export function looksLikeEmail(identifier: string): boolean {
  return identifier.includes("@");
}

export const PhoneSchema = z
  .string()
  .trim()
  .refine(
    (v) => normalisePhone(v) !== null,
    bilingual(
      "must be an Indonesian mobile number, e.g. +6281234567890",
      "harus nomor HP Indonesia, misalnya +6281234567890",
    ),
  )
  .transform((v) => normalisePhone(v) as string);

export const EmailSchema = z
  .email(bilingual("must be a valid email address", "harus alamat email yang valid"))
  .transform(normaliseEmail);

export const PasswordSchema = z
  .string()
  .min(10, bilingual("must be at least 10 characters", "minimal 10 karakter"))
  .max(200, bilingual("must be at most 200 characters", "maksimal 200 karakter"));
