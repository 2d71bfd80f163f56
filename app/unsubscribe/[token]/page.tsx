import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { NoticeCard } from "@/components/notice-card";
import { linkClass, strong, TryAgain } from "@/components/link-page-parts";
import { expectedError } from "@/lib/http/app-error";
import { languageLinks, linkLanguage } from "@/lib/i18n/language-links";
import { letterTitleIn } from "@/lib/letters/letter-title-in";
import { findUnsubscribe, type Unsubscribe } from "@/lib/updates/find-unsubscribe";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ problem?: string }> };

// The link in an update email. Opening it (as link scanners do) changes nothing: its button
// POSTs to this same address (proxy.ts sends that to app/api/unsubscribe), as a mail
// provider's one-click does, and comes back here to say it is done.
export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ token }, { problem }] = await Promise.all([params, searchParams]);
  let found: Unsubscribe;
  try {
    found = await findUnsubscribe({ token });
  } catch (error) {
    const expected = expectedError(error);
    if (expected?.status === 404) notFound();
    if (expected) return <TryAgain error={expected} />;
    throw error;
  }
  const [t, tLink, locale, link, lang] = await Promise.all([
    getTranslations("unsubscribe"),
    getTranslations("linkPages"),
    getLocale(),
    languageLinks(),
    linkLanguage(),
  ]);
  const title = await letterTitleIn({ letter: found.letter, language: locale });
  const back = (
    <p>
      <Link href={link(`/letters/${found.letter.slug}`)} className={linkClass}>{tLink("backToLetter")}</Link>
    </p>
  );

  if (found.state === "ended") {
    return (
      <NoticeCard icon="✓" title={t("doneTitle")}>
        <p data-testid="unsubscribed">{t.rich("done", { title, strong })}</p>
        {back}
      </NoticeCard>
    );
  }
  return (
    <NoticeCard icon="✉" title={t("title")}>
      <p>{t.rich("explain", { title, strong })}</p>
      {problem ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem === "rate_limited" ? t("rateLimited") : t("failed")}
        </p>
      ) : null}
      {/* A plain form: it works without JavaScript, and from any mail program's browser. */}
      <form method="post" action={`/unsubscribe/${encodeURIComponent(token)}`}>
        <input type="hidden" name="from" value="page" />
        {lang ? <input type="hidden" name="lang" value={lang} /> : null}
        <button
          type="submit"
          className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 sm:w-auto"
        >
          {t("button")}
        </button>
      </form>
      {back}
    </NoticeCard>
  );
}
