import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { plural } from "@/lib/format";
import { LANGUAGES, findLanguage } from "@/lib/i18n/languages";
import { getLetterUpdate } from "@/lib/updates/get-letter-update";
import { updateFigures, NO_FIGURES } from "@/lib/updates/list-letter-updates";
import { renderUpdateEmail } from "@/lib/updates/render-update-email";
import { countUpdateRecipients } from "@/lib/updates/update-recipients";
import { UpdateEditor } from "@/components/admin/update-editor";
import { saveUpdateAction, sendTestAction, sendUpdateAction } from "../actions";
import { UpdateFiguresList, UpdateStatus, when } from "../update-parts";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Update" };

const link = "font-medium text-brand-700 hover:underline";
const secondary = "rounded-lg border border-stone-300 bg-white px-4 py-2 text-sm font-semibold text-stone-800 hover:bg-stone-50";
const primary = "rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700";

const DONE: Record<string, string> = {
  saved: "Saved. The preview below is the email as signers will get it.",
  tested: "A test copy is on its way to your own address.",
  sent: "Sending: every signer who asked for news gets it once, in the coming minutes.",
  drafted: "A draft written from the delivery page. Read it, change what you like, send yourself a test, then send it.",
};

type Props = {
  params: Promise<{ slug: string; id: string }>;
  searchParams: Promise<{ done?: string; problem?: string; confirm?: string; lang?: string }>;
};

// A draft: its editor, the email's preview, a test to oneself and, after a confirmation
// step, the send. Once sending, it is read-only, with its figures. Moderators read only.
export default async function UpdatePage({ params, searchParams }: Props) {
  const staff = await requireStaffPage("moderate");
  const canSend = can(staff.role, "send_updates");
  const [{ slug, id }, { done, problem, confirm, lang }] = await Promise.all([params, searchParams]);
  const update = await getLetterUpdate({ slug, id });
  if (!update) notFound();
  const draft = update.status === "draft";
  const language = findLanguage(lang ?? "") ?? findLanguage("en")!;
  const [preview, eligible, figures] = await Promise.all([
    renderUpdateEmail({ update, to: staff.email, language: language.code, token: "preview" }),
    countUpdateRecipients({ letterId: update.letter.id }),
    updateFigures([update.id]).then((all) => all.get(update.id) ?? NO_FIGURES),
  ]);
  const base = `/admin/letters/${slug}/updates/${id}`;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/admin/letters/${slug}/updates`} className={link}>← Updates</Link>
        </p>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="min-w-0 break-words text-2xl font-bold tracking-tight text-stone-900" dir="auto">{update.subject}</h1>
          <UpdateStatus status={update.status} />
        </div>
        <p className="mt-1 text-stone-700">{update.letter.title}</p>
        <p className="mt-1 text-xs text-stone-600">
          Written by {update.createdByEmail}
          {update.sendStartedAt ? `; sent ${when.format(update.sendStartedAt)} UTC` : `; saved ${when.format(update.updatedAt)} UTC`}
        </p>
      </div>

      {problem ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">{problem}</p>
      ) : done && DONE[done] ? (
        <p role="status" data-testid="update-notice" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">{DONE[done]}</p>
      ) : null}

      {!draft ? <UpdateFiguresList figures={figures} /> : null}

      {draft && canSend && confirm ? (
        <section aria-labelledby="confirm-heading" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="confirm-heading" className="font-semibold text-amber-950">Send this update to {plural(eligible, "signer", "signers")}?</h2>
          <p className="mt-1 text-sm text-amber-950">
            Everyone who asked for news of this letter and has not stopped it gets it once, in the language they signed in. It cannot be
            changed or called back afterwards.
          </p>
          <div className="mt-3 flex flex-wrap gap-3">
            <form action={sendUpdateAction.bind(null, slug, id)}>
              <button type="submit" className={primary}>Yes, send it now</button>
            </form>
            <Link href={base} className={secondary}>Cancel</Link>
          </div>
        </section>
      ) : null}

      <div className="grid gap-6 xl:grid-cols-2">
        {draft && canSend ? (
          <section aria-labelledby="edit-heading" className="min-w-0">
            <h2 id="edit-heading" className="mb-3 text-lg font-semibold text-stone-900">Edit</h2>
            <UpdateEditor action={saveUpdateAction.bind(null, slug, id)} defaults={{ subject: update.subject, body: update.body }} saveLabel="Save and preview" />
            <div className="mt-6 flex flex-wrap gap-3 border-t border-stone-200 pt-4">
              <form action={sendTestAction.bind(null, slug, id)}>
                <button type="submit" className={secondary}>Send a test to me</button>
              </form>
              <Link href={`${base}?confirm=1`} className={primary}>Send to {plural(eligible, "signer", "signers")}…</Link>
            </div>
          </section>
        ) : null}

        <section aria-labelledby="preview-heading" className="min-w-0">
          <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
            <h2 id="preview-heading" className="text-lg font-semibold text-stone-900">Preview</h2>
            <nav aria-label="Preview language" className="flex flex-wrap gap-x-3 text-sm">
              {LANGUAGES.map((l) => (
                <Link key={l.code} href={`${base}?lang=${l.code}`} aria-current={l.code === language.code ? "true" : undefined}
                  className={l.code === language.code ? "font-semibold text-stone-900" : link}>{l.englishName}</Link>
              ))}
            </nav>
          </div>
          <p className="mb-2 text-sm text-stone-600">
            Subject: <span className="font-medium text-stone-900" dir="auto">{preview.subject}</span>. Signers get the words around your text in
            the language they signed in.
          </p>
          {/* The email's own HTML, in a sandbox: exactly what a signer's mail program gets. */}
          <iframe title="Email preview" srcDoc={preview.html} sandbox="" data-testid="update-preview"
            className="h-[36rem] w-full rounded-lg border border-stone-200 bg-stone-100" />
        </section>
      </div>
    </div>
  );
}
