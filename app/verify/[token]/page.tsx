import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { NoticeCard } from "@/components/notice-card";
import { DetailRows, em, linkClass, strong, TryAgain } from "@/components/link-page-parts";
import { ShareLinks } from "@/components/share-links";
import { appUrl } from "@/lib/app-url";
import { localCountryName } from "@/lib/countries/country-names";
import { expectedError } from "@/lib/http/app-error";
import { findConfirmation } from "@/lib/signatures/confirm-signature";
import type { SignerDetails } from "@/lib/signatures/signing-sql";
import { effectiveStatus } from "@/lib/letters/effective-status";
import { letterTitleIn } from "@/lib/letters/letter-title-in";
import { confirmSignatureAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("verify");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ problem?: string }> };


// Opening this page (as mail scanners do) changes nothing: only its button's POST confirms.
export default async function VerifyPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { problem } = await searchParams;
  let confirmation;
  try {
    confirmation = await findConfirmation({ token });
  } catch (error) {
    const expected = expectedError(error);
    if (expected?.code === "token_expired") return <ExpiredLink />;
    if (expected?.code === "token_not_found") notFound();
    if (expected?.code === "database_unavailable") return <TryAgain error={expected} />;
    throw error;
  }
  const { signature, submission } = confirmation;
  const { letter } = signature;
  const [t, locale] = await Promise.all([getTranslations("verify"), getLocale()]);
  const link = await languageLinks();
  const title = await letterTitleIn({ letter, language: locale });
  const letterPath = link(`/letters/${letter.slug}`);

  if (confirmation.done) {
    const awaitingReview = signature.status === "awaiting_review";
    return (
      <NoticeCard icon="✓" title={awaitingReview ? t("awaitingReviewTitle") : t("thankYouTitle")}>
        <p data-testid="thank-you">
          {awaitingReview
            ? t.rich("awaitingReview", { organisation: signature.organizationName ?? "", title, strong, em })
            : t.rich("counted", { title, em })}
        </p>
        <p>{t("passItOn")}</p>
        <ShareLinks url={appUrl(letterPath)} title={title} />
        <p className="pt-2">
          <Link href={letterPath} className={linkClass}>
            {t("seeLetter")}
          </Link>
        </p>
      </NoticeCard>
    );
  }

  const status = effectiveStatus(letter);
  const closed = problem === "letter_not_open" || status !== "open";
  return (
    <NoticeCard icon="✉" title={closed ? t("closedTitle") : t("title")}>
      {closed ? (
        <p>
          {t.rich("closed", {
            status,
            title,
            em,
            link: (chunks) => (
              <Link href={letterPath} className={linkClass}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      ) : (
        <>
          <p>
            {submission.kind === "organization"
              ? t.rich("aboutToSignFor", { title, organisation: submission.organizationName ?? "", strong })
              : t.rich("aboutToSign", { title, strong })}
          </p>
          <SubmissionSummary submission={submission} />
          {problem === "database_unavailable" ? (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              {t("databaseProblem")}
            </p>
          ) : null}
          <form action={confirmSignatureAction.bind(null, token)}>
            <button
              type="submit"
              className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
            >
              {t("confirmButton")}
            </button>
          </form>
          <p className="text-sm text-stone-600">{t("notYou")}</p>
        </>
      )}
    </NoticeCard>
  );
}

/** Exactly what confirming publishes: the details of the request that made this link. */
async function SubmissionSummary({ submission }: { submission: SignerDetails }) {
  const [t, tLink, tForm, locale] = await Promise.all([getTranslations("verify"), getTranslations("linkPages"), getTranslations("signForm"), getLocale()]);
  const organization = submission.kind === "organization";
  const rows: [string, string][] = [
    ...(organization
      ? ([
          [tLink("organisation"), submission.organizationName ?? ""],
          [tLink("website"), submission.website ?? ""],
          [t("contactNotPublished"), submission.name],
        ] as [string, string][])
      : ([[tLink("name"), submission.name]] as [string, string][])),
    ...(!organization && submission.title ? ([[tLink("title"), submission.title]] as [string, string][]) : []),
    ...(!organization && submission.affiliation ? ([[tLink("organisation"), submission.affiliation]] as [string, string][]) : []),
    [tLink("country"), localCountryName(submission.country, locale)],
    [t("inPublicList"), submission.listPublicly ? (organization ? t("listedOrganisation") : t("listedYou")) : t("notListed")],
    // Whoever filled the form may have ticked it: the address's owner sees it before confirming.
    [tForm("updates"), submission.updatesConsentAt ? t("updatesYes") : t("updatesNo")],
    ...(submission.comment ? ([[t("commentForModerators"), submission.comment]] as [string, string][]) : []),
  ];
  return <DetailRows rows={rows} testId="submission" />;
}

async function ExpiredLink() {
  const [t, tLink] = await Promise.all([getTranslations("verify"), getTranslations("linkPages")]);
  const link = await languageLinks();
  return (
    <NoticeCard icon="⌛" title={tLink("expiredTitle")}>
      <p>{t("expired")}</p>
      <p>{t.rich("signAgainFresh", { link: (chunks) => <Link href={link("/")} className={linkClass}>{chunks}</Link> })}</p>
    </NoticeCard>
  );
}
