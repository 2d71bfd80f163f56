import { AppError } from "../http/app-error";

/** A letter address already in use, as a field error the editor shows under "slug". */
export const slugTaken = () =>
  new AppError("slug_taken", 422, { fields: { slug: ["Another letter already uses this address."] } });

/** A unique-constraint failure from Prisma (a second editor won the race for the address). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";
