import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { handlers } from "@/lib/auth/auth";
import { clientIp } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/http/responses";
import { SIGN_IN_LIMIT, consumeLimit } from "@/lib/http/rate-limit";
import { personEmailSchema } from "@/lib/validation/person";

export const { GET } = handlers;

/**
 * Auth.js's own endpoints. Asking for a sign-in link here (POST /api/auth/signin/...)
 * spends the same per-client points as the sign-in form, so going around the form
 * gains nothing; an identifier that is not an address goes back to the sign-in page
 * with that said (Auth.js would refuse it too, as a server error in the log).
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin")) {
    try {
      await consumeLimit("admin-sign-in", clientIp(request.headers), SIGN_IN_LIMIT);
    } catch (error) {
      return errorResponse(error);
    }
    const form = await request.clone().formData().catch(() => null);
    if (!personEmailSchema.safeParse(form?.get("email")).success) {
      return NextResponse.redirect(new URL("/admin/sign-in?error=invalid_email", getEnv().APP_URL), 302);
    }
  }
  return handlers.POST(request);
}
