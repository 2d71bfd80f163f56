import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { languageLinks } from "@/lib/i18n/language-links";
import { NoticeCard } from "@/components/notice-card";
import { REPORT_REASONS } from "@/lib/moderation/report-signature";
import { reportAction } from "./actions";
import { ReportForm } from "./report-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("report");
  return { title: t("title"), robots: { index: false } };
}

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ sent?: string }> };

export default async function ReportPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const { sent } = await searchParams;
  const [t, tLink] = await Promise.all([getTranslations("report"), getTranslations("linkPages")]);
  const link = await languageLinks();
  const back = (
    <Link href={link(`/letters/${slug}#signatories`)} className="font-medium text-brand-700 hover:underline">
      {tLink("backToLetter")}
    </Link>
  );
  if (sent) {
    return (
      <NoticeCard icon="✓" title={t("thanksTitle")}>
        <p>{t("thanks")}</p>
        <p>{back}</p>
      </NoticeCard>
    );
  }
  // The reasons' values are the schema's; their labels are the reader's.
  const reasons = Object.fromEntries(Object.keys(REPORT_REASONS).map((value) => [value, t(`reasons.${value as keyof typeof REPORT_REASONS}`)]));
  return (
    <NoticeCard icon="⚑" title={t("title")}>
      <p>{t("intro")}</p>
      <ReportForm
        action={reportAction.bind(null, slug, id)}
        reasons={reasons}
        words={{ question: t("question"), details: t("details"), optional: t("optional"), send: t("send") }}
      />
      <p className="text-sm">{back}</p>
    </NoticeCard>
  );
}
