import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { devMailboxEnabled } from "@/lib/env";
import { isLoopbackClient } from "@/lib/http/client-address";
import { listLocalMail } from "@/lib/email/list-local-mail";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Local mailbox", robots: { index: false } };

// Mail kept locally when no Resend key is set. Served only in development or with
// LOCAL_MAILBOX=on, and only to a client on this machine; anywhere else it does not exist.
export default async function DevMailPage() {
  if (!devMailboxEnabled(isLoopbackClient(await headers()))) notFound();
  const mail = await listLocalMail();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <h1 className="text-2xl font-bold tracking-tight">Local mailbox</h1>
      <p className="mt-2 text-stone-600">
        No RESEND_API_KEY is set, so email stays here (and in the server log) instead of being sent.
      </p>
      {mail.length === 0 ? (
        <p className="mt-8 rounded-lg border border-dashed border-stone-300 p-6 text-stone-600">No messages yet.</p>
      ) : (
        <ul className="mt-8 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {mail.map((m) => (
            <li key={m.id}>
              <Link href={`/dev/mail/${m.id}`} className="block px-4 py-3 hover:bg-stone-50">
                <span className="block font-medium text-stone-900">{m.subject}</span>
                <span className="block text-sm text-stone-600">
                  to {m.to} · {m.template} · {m.status} · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
