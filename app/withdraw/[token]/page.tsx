import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { NoticeCard } from "@/components/notice-card";
import { DetailRows, em, linkClass, strong, TryAgain } from "@/components/link-page-parts";
import { localCountryName } from "@/lib/countries/country-names";
import { expectedError } from "@/lib/http/app-error";
import { letterTitleIn } from "@/lib/letters/letter-title-in";
import { findWithdrawal, type Withdrawal } from "@/lib/signer-rights/find-withdrawal";
import { withdrawSignatureAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("withdraw");
  return { title: t("title"), robots: { index: false }, referrer: "no-referrer" };
}

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ reason?: string; problem?: string }> };


// Opening this page (as mail scanners do) changes nothing: only its button's POST withdraws.
export default async function WithdrawPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { reason, problem } = await searchParams;
  const notMe = reason === "not-me";
  let withdrawal: Withdrawal;
  try {
    withdrawal = await findWithdrawal({ token });
  } catch (error) {
    const expected = expectedError(error);
    if (expected?.code === "withdrawal_not_found") notFound();
    if (expected) return <TryAgain error={expected} />;
    throw error;
  }
  const [t, tLink, locale] = await Promise.all([getTranslations("withdraw"), getTranslations("linkPages"), getLocale()]);
  const link = await languageLinks();

  const title = withdrawal.letter ? await letterTitleIn({ letter: withdrawal.letter, language: locale }) : null;
  const whose = notMe ? "notMe" : "own";

  if (withdrawal.state === "withdrawn") {
    return (
      <NoticeCard icon="✓" title={notMe ? t("removedTitle") : t("withdrawnTitle")}>
        <p data-testid="withdrawn">{title ? t.rich("goneFrom", { whose, title, em }) : t("gone", { whose })}</p>
        <p>{t("keptNothing")}</p>
        {withdrawal.letter ? (
          <p>
            <Link href={link(`/letters/${withdrawal.letter.slug}`)} className={linkClass}>
              {tLink("backToLetter")}
            </Link>
          </p>
        ) : null}
      </NoticeCard>
    );
  }

  const { signature } = withdrawal;
  return (
    <NoticeCard icon="↩" title={notMe ? t("notMeTitle") : t("title")}>
      <p>{notMe ? t.rich("notMe", { title: title ?? "", strong }) : t.rich("aboutTo", { title: title ?? "", strong })}</p>
      <WhatIsRemoved signature={signature} />
      {problem ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem === "rate_limited" ? t("rateLimited") : t("failed")}
        </p>
      ) : null}
      <form action={withdrawSignatureAction.bind(null, token, notMe)}>
        <button
          type="submit"
          className="w-full rounded-lg bg-red-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 sm:w-auto"
        >
          {notMe ? t("removeButton") : t("withdrawButton")}
        </button>
      </form>
      <p className="text-sm text-stone-600">{t("cannotUndo")}</p>
    </NoticeCard>
  );
}

async function WhatIsRemoved({ signature }: { signature: Extract<Withdrawal, { state: "held" }>["signature"] }) {
  const [t, tLink, locale] = await Promise.all([getTranslations("withdraw"), getTranslations("linkPages"), getLocale()]);
  const organization = signature.kind === "organization";
  const rows: [string, string][] = [
    ...(organization ? ([[tLink("organisation"), signature.organizationName ?? ""]] as [string, string][]) : []),
    [organization ? tLink("contact") : tLink("name"), signature.name],
    [tLink("country"), localCountryName(signature.country, locale)],
    [t("listedByName"), signature.listPublicly ? t("listedYes") : t("listedNo")],
    [t("confirmed"), signature.confirmed ? tLink("yes") : t("notConfirmed")],
  ];
  return <DetailRows rows={rows} testId="removed" />;
}
