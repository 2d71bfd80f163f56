"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { signIn } from "@/lib/auth/auth";
import { AppError } from "@/lib/http/app-error";
import { clientIp } from "@/lib/http/client-address";
import { consumeLimit } from "@/lib/http/rate-limit";

export type SignInState = { error: string } | null;

const schema = z.object({ email: z.email({ message: "Enter a valid email address." }).max(254) });

export async function requestSignInLink(_previous: SignInState, form: FormData): Promise<SignInState> {
  const parsed = schema.safeParse({ email: String(form.get("email") ?? "").trim().toLowerCase() });
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  try {
    await consumeLimit("admin-sign-in", clientIp(await headers()), { points: 10, durationS: 15 * 60 });
  } catch (error) {
    if (error instanceof AppError) return { error: error.message };
    throw error;
  }
  // Auth.js decides, silently, whether a link is sent; every address sees the same page.
  await signIn("resend", { email: parsed.data.email, redirect: false, redirectTo: "/admin" });
  redirect("/admin/sign-in/check-email");
}
