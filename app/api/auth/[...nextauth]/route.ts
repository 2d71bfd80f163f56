import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/auth";
import { clientIp } from "@/lib/http/client-address";
import { errorResponse } from "@/lib/http/responses";
import { SIGN_IN_LIMIT, consumeLimit } from "@/lib/http/rate-limit";

export const { GET } = handlers;

/**
 * Auth.js's own endpoints. Asking for a sign-in link here (POST /api/auth/signin/...)
 * spends the same per-client points as the sign-in form, so going around the form
 * gains nothing.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.startsWith("/api/auth/signin")) {
    try {
      await consumeLimit("admin-sign-in", clientIp(request.headers), SIGN_IN_LIMIT);
    } catch (error) {
      return errorResponse(error);
    }
  }
  return handlers.POST(request);
}
