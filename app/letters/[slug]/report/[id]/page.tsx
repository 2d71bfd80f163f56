import type { Metadata } from "next";
import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";
import { REPORT_REASONS } from "@/lib/moderation/report-signature";
import { reportAction } from "./actions";
import { ReportForm } from "./report-form";

export const metadata: Metadata = { title: "Report a signature", robots: { index: false } };

type Props = { params: Promise<{ slug: string; id: string }>; searchParams: Promise<{ sent?: string }> };

export default async function ReportPage({ params, searchParams }: Props) {
  const { slug, id } = await params;
  const { sent } = await searchParams;
  const back = (
    <Link href={`/letters/${slug}#signatories`} className="font-medium text-brand-700 hover:underline">
      Back to the letter
    </Link>
  );
  if (sent) {
    return (
      <NoticeCard icon="✓" title="Thank you">
        <p>A moderator will look at this signature. It stays listed until they decide.</p>
        <p>{back}</p>
      </NoticeCard>
    );
  }
  return (
    <NoticeCard icon="⚑" title="Report a signature">
      <p>Reports go to the letter&apos;s moderators, who check every signature they are told about.</p>
      <ReportForm action={reportAction.bind(null, slug, id)} reasons={REPORT_REASONS} />
      <p className="text-sm">{back}</p>
    </NoticeCard>
  );
}
