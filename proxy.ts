import { NextResponse, type NextRequest } from "next/server";
import { AppError } from "./lib/http/app-error";
import { findConfirmation } from "./lib/signatures/confirm-signature";

// A page cannot choose its own status code, so an expired confirmation link gets its
// 410 here; the page itself renders the explanation. (Unknown links get their 404
// from the page's notFound().)
export async function proxy(request: NextRequest) {
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  const token = decodeURIComponent(request.nextUrl.pathname.slice("/verify/".length));
  try {
    await findConfirmation({ token });
  } catch (error) {
    if (error instanceof AppError && error.code === "token_expired") {
      // request.url, not nextUrl: nextUrl renames 127.0.0.1 to localhost, which would
      // turn this into a rewrite to another host.
      return NextResponse.rewrite(new URL(request.nextUrl.pathname, request.url), { status: 410 });
    }
  }
  return NextResponse.next();
}

export const config = { matcher: "/verify/:token" };
