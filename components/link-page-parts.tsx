import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { AppError } from "@/lib/http/app-error";
import { errorTranslators } from "@/lib/i18n/error-translators";
import { translateError } from "@/lib/i18n/translate-error";
import { NoticeCard } from "./notice-card";

// Shared by the pages an emailed link opens (/verify/{token}, /withdraw/{token},
// /my-data/{token}): what the link acts on, as term and value rows, and the card shown
// while the database is out of reach; in the reader's language.

export const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

// A letter's title, an organisation's or a person's name may run the other way from the
// sentence or page around it (an English title in Arabic): dir="auto" isolates it and
// takes its direction from its own first letter, so its punctuation stays at its end.
/** `<strong>` in a link page's rich text. */
export const strong = (chunks: ReactNode) => <strong dir="auto">{chunks}</strong>;
/** `<em>` in a link page's rich text. */
export const em = (chunks: ReactNode) => <em dir="auto">{chunks}</em>;

/** Term and value rows, as the link's page shows what it will confirm or remove. */
export function DetailRows({ rows, testId }: { rows: [string, string][]; testId: string }) {
  return (
    <dl data-testid={testId} className="divide-y divide-stone-200 rounded-lg border border-stone-200 text-sm">
      {rows.map(([term, value]) => (
        <div key={term} className="grid gap-1 px-3 py-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-stone-700">{term}</dt>
          <dd className="break-words text-stone-900">
            <bdi>{value}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The link could not be looked at now (the error says why): it still works, so open it again. */
export async function TryAgain({ error }: { error: AppError }) {
  const [t, translators] = await Promise.all([getTranslations("linkPages"), errorTranslators()]);
  return (
    <NoticeCard icon="⟳" title={t("tryAgainTitle")}>
      <p>{translateError(error, translators).message}</p>
      <p>{t("stillWorks")}</p>
    </NoticeCard>
  );
}
