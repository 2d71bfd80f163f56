import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { NoticeCard } from "@/components/notice-card";
import { linkClass, TryAgain } from "@/components/link-page-parts";
import { localCountryName } from "@/lib/countries/country-names";
import { expectedError } from "@/lib/http/app-error";
import { letterTitleIn } from "@/lib/letters/letter-title-in";
import { findDataRequest } from "@/lib/signer-rights/find-data-request";
import { signerData, type SignerData } from "@/lib/signer-rights/signer-data";
import { eraseEverythingAction, withdrawOwnSignatureAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myData");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ erase?: string; withdrawn?: string; problem?: string }> };

const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2";

/** Dates and times as the reader's language writes them, in UTC (which it names). English here is British. */
const dateFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: "UTC",
    timeZoneName: "short",
  });

export default async function SignerDataPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { erase, withdrawn, problem } = await searchParams;
  let data: SignerData;
  try {
    const { emailCanonical } = await findDataRequest({ token });
    data = await signerData({ emailCanonical });
  } catch (error) {
    const expected = expectedError(error);
    if (expected?.code === "data_request_not_found") notFound();
    if (expected?.code === "data_request_expired") return <ExpiredLink />;
    if (expected) return <TryAgain error={expected} />;
    throw error;
  }
  const [t, locale] = await Promise.all([getTranslations("myData"), getLocale()]);
  const here = `/my-data/${encodeURIComponent(token)}`;
  const link = await languageLinks();

  if (erase === "confirm") {
    return (
      <NoticeCard icon="!" title={t("eraseTitle")}>
        <p>{t("eraseWarning", { signatures: data.signatures.length, emails: data.emails.length })}</p>
        <form action={eraseEverythingAction.bind(null, token)} className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <button type="submit" className={`rounded-lg bg-red-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-red-800 ${focusRing} focus-visible:outline-red-700`}>
            {t("eraseYes")}
          </button>
          <Link href={link(here)} className={`${linkClass} px-1 py-2`}>
            {t("eraseNo")}
          </Link>
        </form>
      </NoticeCard>
    );
  }

  const when = dateFormat(locale);
  const titles = await Promise.all(data.signatures.map((signature) => letterTitleIn({ letter: { id: signature.letterId, title: signature.letter.title }, language: locale })));
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">{t("title")}</h1>
      <p className="mt-3 text-stone-700">{t("intro")}</p>
      {withdrawn ? (
        <p role="status" className="mt-4 rounded-lg border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          {t("withdrawn")}
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem === "rate_limited" ? t("rateLimited") : t("failed")}
        </p>
      ) : null}

      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <a href={`${here}/export.json`} download className={`rounded-lg border border-stone-300 bg-white px-4 py-2.5 text-center text-sm font-semibold text-stone-900 shadow-sm hover:bg-stone-50 ${focusRing} focus-visible:outline-brand-600`}>
          {t("download")}
        </a>
        {data.signatures.length > 0 || data.emails.length > 0 ? (
          <Link href={link(`${here}?erase=confirm`)} className={`rounded-lg border border-red-300 bg-white px-4 py-2.5 text-center text-sm font-semibold text-red-800 hover:bg-red-50 ${focusRing} focus-visible:outline-red-700`}>
            {t("eraseEverything")}
          </Link>
        ) : null}
      </div>

      <h2 className="mt-10 text-lg font-semibold text-stone-900">{t("signaturesHeading", { count: data.signatures.length })}</h2>
      {data.signatures.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("noSignatures")}</p>
      ) : (
        <ul className="mt-3 space-y-4" data-testid="signatures">
          {data.signatures.map((signature, index) => (
            <li key={signature.id} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
              <h3 className="font-semibold text-stone-900">
                <Link href={link(`/letters/${signature.letter.slug}`)} className="underline-offset-2 hover:underline" dir="auto">
                  {titles[index]}
                </Link>
              </h3>
              <SignatureFacts signature={signature} when={when} />
              <form action={withdrawOwnSignatureAction.bind(null, token, signature.id)} className="mt-3">
                <button type="submit" aria-label={t("withdrawLabel", { title: titles[index] })} className={`rounded-lg border border-stone-300 px-3 py-2 text-sm font-semibold text-stone-900 hover:bg-stone-50 ${focusRing} focus-visible:outline-brand-600`}>
                  {t("withdraw")}
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-10 text-lg font-semibold text-stone-900">{t("emailsHeading", { count: data.emails.length })}</h2>
      {data.emails.length === 0 ? (
        <p className="mt-2 text-stone-700">{t("noEmails")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white text-sm">
          {data.emails.map((email) => (
            <li key={email.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:justify-between">
              <span className="text-stone-900">{email.subject}</span>
              <span className="text-stone-600">{when.format(email.sentAt ?? email.createdAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm text-stone-600">{t("downloadHolds")}</p>
    </div>
  );
}

async function SignatureFacts({ signature, when }: { signature: SignerData["signatures"][number]; when: Intl.DateTimeFormat }) {
  const [t, tLink, locale] = await Promise.all([getTranslations("myData"), getTranslations("linkPages"), getLocale()]);
  const organization = signature.kind === "organization";
  const statuses = ["unverified", "awaiting_review", "counted", "rejected", "hidden", "fraud"] as const;
  const status = statuses.find((known) => known === signature.status);
  const rows: [string, string | null | undefined][] = [
    [t("signedAs"), organization ? t("asOrganisation") : t("asIndividual")],
    ...(organization ? ([[tLink("organisation"), signature.organizationName], [tLink("website"), signature.website]] as [string, string | null][]) : []),
    [organization ? tLink("contact") : tLink("name"), signature.name],
    ...(!organization ? ([[tLink("title"), signature.title], [tLink("affiliation"), signature.affiliation]] as [string, string | null][]) : []),
    [tLink("country"), localCountryName(signature.country, locale)],
    [t("listedByName"), signature.listPublicly ? tLink("yes") : tLink("no")],
    [t("status"), status ? t(`statuses.${status}`) : signature.status],
    [t("signed"), when.format(signature.createdAt)],
    [t("confirmed"), signature.confirmedAt ? when.format(signature.confirmedAt) : t("notYet")],
    [tLink("comment"), signature.comment],
  ];
  return (
    <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
      {rows
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div key={term} className="contents">
            <dt className="font-medium text-stone-600">{term}</dt>
            <dd className="break-words text-stone-900">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

async function ExpiredLink() {
  const [t, tLink] = await Promise.all([getTranslations("myData"), getTranslations("linkPages")]);
  const link = await languageLinks();
  return (
    <NoticeCard icon="⌛" title={tLink("expiredTitle")}>
      <p>{t("expired")}</p>
      <p>{t.rich("askNew", { link: (chunks) => <Link href={link("/my-data")} className={linkClass}>{chunks}</Link> })}</p>
    </NoticeCard>
  );
}
