import Link from "next/link";
import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { devMailboxEnabled } from "@/lib/env";
import { isLoopbackClient } from "@/lib/http/client-address";
import { getLocalMail } from "@/lib/email/list-local-mail";

export const dynamic = "force-dynamic";

export default async function DevMailMessage({ params }: { params: Promise<{ id: string }> }) {
  if (!devMailboxEnabled(isLoopbackClient(await headers()))) notFound();
  const mail = await getLocalMail({ id: (await params).id });
  if (!mail) notFound();
  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
      <Link href="/dev/mail" className="text-sm font-medium text-brand-700 hover:underline">← Local mailbox</Link>
      <h1 className="mt-3 text-2xl font-bold tracking-tight">{mail.subject}</h1>
      <p className="mt-1 text-sm text-stone-600">to {mail.to} · {mail.template} · {mail.status}</p>
      <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-stone-500">HTML</h2>
      {/* sandboxed: the message's HTML cannot run script or reach this page */}
      <iframe title="Message as HTML" sandbox="" srcDoc={mail.html} className="mt-2 h-[560px] w-full rounded-lg border border-stone-200 bg-white" />
      <h2 className="mt-6 text-sm font-semibold uppercase tracking-wide text-stone-500">Plain text</h2>
      <pre className="mt-2 whitespace-pre-wrap rounded-lg border border-stone-200 bg-white p-4 text-sm" data-testid="mail-text">{mail.text}</pre>
    </div>
  );
}
