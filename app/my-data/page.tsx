import type { Metadata } from "next";
import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";
import { requestMyDataAction } from "./actions";
import { DataRequestForm } from "./data-request-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your data", robots: { index: false }, referrer: "no-referrer" };

type Props = { searchParams: Promise<{ sent?: string; erased?: string }> };

export default async function MyDataPage({ searchParams }: Props) {
  const { sent, erased } = await searchParams;
  if (erased) {
    return (
      <NoticeCard icon="✓" title="Everything is erased">
        <p data-testid="erased">
          Every signature made with your address is withdrawn and deleted, with the emails we sent you and this link.
          We keep nothing of yours: only the counts went down, and our records note that an erasure happened, without
          your address.
        </p>
        <p>
          <Link href="/" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            Back to the letters
          </Link>
        </p>
      </NoticeCard>
    );
  }
  if (sent) {
    return (
      <NoticeCard icon="✉" title="Check your email">
        <p data-testid="sent">
          If this address has signed anything, we have sent it a link. The link works for one hour and shows every
          signature made with the address, with a way to download, withdraw or erase them.
        </p>
        <p className="text-sm text-stone-600">
          Nothing arrived after a few minutes? Look in your spam folder, or check the address and{" "}
          <Link href="/my-data" className="font-medium text-brand-700 underline-offset-2 hover:underline">
            ask again
          </Link>
          .
        </p>
      </NoticeCard>
    );
  }
  return (
    <NoticeCard icon="✉" title="See, download or erase your data">
      <p>
        Enter the email address you signed with. We will send it a link to a page listing every signature made with
        it, on every letter, where you can download all we hold about you, withdraw a signature, or erase everything.
      </p>
      <DataRequestForm action={requestMyDataAction} />
      <p className="text-sm text-stone-600">
        We send the link only to the address itself, so no one else can see what it signed.
      </p>
    </NoticeCard>
  );
}
