"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/http/app-error";
import { personEmailSchema } from "@/lib/validation/person";
import { clientIp } from "@/lib/http/client-address";
import { SIGN_IN_LIMIT, consumeLimit } from "@/lib/http/rate-limit";

export type SignInState = { error: string } | null;

const schema = z.object({ email: personEmailSchema });

export async function requestSignInLink(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = schema.safeParse({ email: String(form.get("email") ?? "") });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  try {
    await consumeLimit("admin-sign-in", clientIp(await headers()), SIGN_IN_LIMIT);
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  // Auth.js decides, silently, whether a link is sent; every address sees the same page.
  await signIn("resend", { email: parsed.data.email, redirect: false, redirectTo: "/admin" });
  redirect("/admin/sign-in/check-email");
}
