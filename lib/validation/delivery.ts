import { z } from "zod";
import { letterLine, letterText } from "./letter";
import { withoutPhotoMetadata } from "./photo-metadata";

// The one schema for recording a delivery of a letter and the addressee's response: the
// admin's forms check fields with it in the browser, and the server action again before
// anything is written. The photo is checked by its bytes on the server (deliveryPhotoProblem).

export const DELIVERY_METHODS = ["in_person", "email", "post", "online", "other"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = {
  in_person: "In person",
  email: "By email",
  post: "By post",
  online: "Online (a form or a platform)",
  other: "Another way",
};

export const DELIVERED_TO_MAX = 200;
export const LINK_MAX = 500;
export const NOTE_MAX = 1_000;
export const RESPONSE_FROM_MAX = 200;
export const RESPONSE_TEXT_MAX = 20_000;
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** A day as the date field sends it (YYYY-MM-DD), kept as midnight UTC; not after tomorrow (time zones). */
const day = (label: string) =>
  z
    .string({ message: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Enter ${label.toLowerCase()} as a date, like 2026-11-30.`)
    .transform((value, context) => {
      const date = new Date(`${value}T00:00:00Z`);
      if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        context.addIssue({ code: "custom", message: `${label} is not a real date.` });
        return z.NEVER;
      }
      if (date.getTime() > Date.now() + 86_400_000) {
        context.addIssue({ code: "custom", message: `${label} cannot be in the future.` });
        return z.NEVER;
      }
      if (date.getUTCFullYear() < 2000) {
        context.addIssue({ code: "custom", message: `${label} must be in the year 2000 or later.` });
        return z.NEVER;
      }
      return date;
    });

const webLink = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(LINK_MAX, `The link must be at most ${LINK_MAX} characters.`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !!url.hostname && !url.username && !url.password;
      } catch {
        return false;
      }
    }, "Enter a full web address starting with https://, like https://example.org/news.")
    .optional(),
);

export const deliveryInputSchema = z.object({
  deliveredTo: letterLine("Delivered to", DELIVERED_TO_MAX),
  deliveredOn: day("Date of delivery"),
  method: z.enum(DELIVERY_METHODS, { message: "Choose how the letter was delivered." }),
  link: webLink,
  note: z.preprocess(blankToUndefined, letterText("Note", NOTE_MAX).optional()),
  removePhoto: z.boolean().default(false),
});

export const deliveryResponseSchema = z.object({
  responseReceivedOn: day("Date of the response"),
  responseFrom: letterLine("Response from", RESPONSE_FROM_MAX),
  responseText: letterText("Response", RESPONSE_TEXT_MAX),
});

export type DeliveryInput = z.infer<typeof deliveryInputSchema>;
export type DeliveryResponseInput = z.infer<typeof deliveryResponseSchema>;

const text = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

/** The delivery form's fields as the schema's input (the photo is read apart). */
export function deliveryInputFromForm(form: FormData): Record<string, unknown> {
  return {
    deliveredTo: text(form, "deliveredTo") ?? "",
    deliveredOn: text(form, "deliveredOn") ?? "",
    method: text(form, "method"),
    link: text(form, "link"),
    note: text(form, "note"),
    removePhoto: form.get("removePhoto") === "on",
  };
}

export function deliveryResponseFromForm(form: FormData): Record<string, unknown> {
  return {
    responseReceivedOn: text(form, "responseReceivedOn") ?? "",
    responseFrom: text(form, "responseFrom") ?? "",
    responseText: text(form, "responseText") ?? "",
  };
}

export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

/** A photo's type read from its first bytes (whatever its name or the browser says), or null. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  const starts = (...values: number[]) => values.every((value, i) => bytes[i] === value);
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.slice(from, to));
  if (bytes.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
}

/** Why a photo cannot be kept (for the photo field), or null when it can. */
export function deliveryPhotoProblem(bytes: Uint8Array): string | null {
  if (bytes.byteLength > PHOTO_MAX_BYTES) return "The photo must be at most 2 MB. Save it smaller and choose it again.";
  if (!photoTypeOf(bytes)) return "The photo must be a JPEG, PNG or WebP image.";
  // Kept without its metadata (photo-metadata.ts), which needs its structure to be whole.
  if (!withoutPhotoMetadata(bytes)) return "The photo could not be read. Save it again as a JPEG, PNG or WebP image and choose it again.";
  return null;
}
