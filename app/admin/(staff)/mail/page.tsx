import type { Metadata } from "next";
import { SendAgainButton } from "@/components/admin/send-again-button";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listUndeliveredMail } from "@/lib/email/list-undelivered-mail";
import { MAIL_PERMISSION } from "@/lib/email/mail-permission";
import { sendAgainAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mail" };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

const KIND: Record<string, string> = {
  "signature-confirm": "Confirmation link",
  "admin-sign-in": "Sign-in link",
  "already-signed": "Already signed",
  "organization-awaiting-review": "Organisation in review",
};

type Mail = Awaited<ReturnType<typeof listUndeliveredMail>>["failed"][number];

export default async function MailPage() {
  await requireStaffPage(MAIL_PERMISSION);
  const { failed, delayed } = await listUndeliveredMail();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">Mail</h1>
        <p className="mt-1 max-w-3xl text-sm text-stone-600">
          Messages the email provider has not taken yet. A message that fails is tried again for more than a day before it
          is marked failed. Delivered messages are not listed, and no message keeps its link once it has gone.
        </p>
      </div>

      <section aria-labelledby="failed-heading">
        <h2 id="failed-heading" className="font-semibold text-stone-900">Failed <span className="font-normal text-stone-500">({failed.length})</span></h2>
        <p className="mt-1 text-sm text-stone-600">Not tried any more. Send one again once the cause is mended; it goes at most once.</p>
        <MailList items={failed} empty="No failed messages." action />
      </section>

      <section aria-labelledby="delayed-heading">
        <h2 id="delayed-heading" className="font-semibold text-stone-900">Delayed <span className="font-normal text-stone-500">({delayed.length})</span></h2>
        <p className="mt-1 text-sm text-stone-600">A try failed; the outbox tries again by itself at the time shown.</p>
        <MailList items={delayed} empty="Nothing delayed: mail is going out." />
      </section>
    </div>
  );
}

function MailList({ items, empty, action = false }: { items: Mail[]; empty: string; action?: boolean }) {
  if (items.length === 0) return <p className="mt-3 rounded-xl border border-stone-200 bg-white p-4 text-sm text-stone-600 shadow-sm">{empty}</p>;
  return (
    <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
      {items.map((mail) => (
        <li key={mail.id} className="grid gap-3 p-4 md:grid-cols-[minmax(0,1fr)_auto] md:items-center" data-testid={`mail-${mail.id}`}>
          <div className="min-w-0 space-y-1 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">{KIND[mail.template] ?? mail.template}</span>
              <span className="min-w-0 break-all font-medium text-stone-900">{mail.to}</span>
            </p>
            <p className="text-stone-600">
              Queued {when.format(mail.createdAt)} UTC · {mail.attempts} {mail.attempts === 1 ? "try" : "tries"}
              {mail.status === "failed" ? null : <> · next try {when.format(mail.nextAttemptAt)} UTC</>}
            </p>
            {mail.lastError ? <p className="break-words font-mono text-xs text-stone-500">{mail.lastError}</p> : null}
          </div>
          {action ? (
            mail.canSendAgain ? (
              <SendAgainButton id={mail.id} label={`Send again to ${mail.to}`} action={sendAgainAction} />
            ) : (
              <p className="text-sm text-stone-600 md:max-w-56 md:text-right">
                {mail.whyNot === "may have arrived"
                  ? "May have arrived (the provider's answer was lost), so it is not sent again."
                  : "Its link has expired, so sending it again would not help."}
              </p>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
