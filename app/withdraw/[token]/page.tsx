import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoticeCard } from "@/components/notice-card";
import { DetailRows, TryAgain } from "@/components/link-page-parts";
import { countryName } from "@/lib/countries";
import { expectedError } from "@/lib/http/app-error";
import { findWithdrawal, type Withdrawal } from "@/lib/signer-rights/find-withdrawal";
import { withdrawSignatureAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Withdraw your signature", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ reason?: string; problem?: string }> };

const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";

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
    if (expected) return <TryAgain message={expected.message} />;
    throw error;
  }

  if (withdrawal.state === "withdrawn") {
    return (
      <NoticeCard icon="✓" title={notMe ? "Removed" : "Your signature is withdrawn"}>
        <p data-testid="withdrawn">
          {notMe ? "The signature made with your address" : "Your signature"}
          {withdrawal.letter ? (
            <>
              {" "}
              on <em>{withdrawal.letter.title}</em>
            </>
          ) : null}{" "}
          is gone. It no longer counts and is not listed anywhere.
        </p>
        <p>
          We keep nothing of it: the name, email address and comment are deleted. All that remains is the count (one
          lower, if it had counted) and a note in our records that a signature was withdrawn, without any of your
          details.
        </p>
        {withdrawal.letter ? (
          <p>
            <Link href={`/letters/${withdrawal.letter.slug}`} className={linkClass}>
              Back to the letter
            </Link>
          </p>
        ) : null}
      </NoticeCard>
    );
  }

  const { letter, signature } = withdrawal;
  return (
    <NoticeCard icon="↩" title={notMe ? "This was not you?" : "Withdraw your signature"}>
      {notMe ? (
        <p>
          Someone used your address to sign <strong>{letter.title}</strong>. Remove it, and nothing of it is kept: not
          the name, not your address.
        </p>
      ) : (
        <p>
          You are about to withdraw your signature from <strong>{letter.title}</strong>. This is what will be removed:
        </p>
      )}
      <WhatIsRemoved signature={signature} />
      {problem ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem === "rate_limited"
            ? "Too many attempts from your network just now. Please wait a few minutes and press the button again."
            : "Your signature could not be withdrawn just now. Please press the button again in a few seconds."}
        </p>
      ) : null}
      <form action={withdrawSignatureAction.bind(null, token, notMe)}>
        <button
          type="submit"
          className="w-full rounded-lg bg-red-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 sm:w-auto"
        >
          {notMe ? "Remove it" : "Withdraw my signature"}
        </button>
      </form>
      <p className="text-sm text-stone-600">
        This cannot be undone, but you can sign again later. If you opened this page by mistake, close it: nothing
        changes until you press the button.
      </p>
    </NoticeCard>
  );
}

function WhatIsRemoved({ signature }: { signature: Extract<Withdrawal, { state: "held" }>["signature"] }) {
  const organization = signature.kind === "organization";
  const rows: [string, string][] = [
    ...(organization ? ([["Organisation", signature.organizationName ?? ""]] as [string, string][]) : []),
    [organization ? "Contact" : "Name", signature.name],
    ["Country", countryName(signature.country)],
    ["Listed by name", signature.listPublicly ? "Yes: the name is shown among the signatories once counted" : "No: counted without the name"],
    ["Confirmed", signature.confirmed ? "Yes" : "No: it has not been counted"],
  ];
  return (
    <DetailRows rows={rows} testId="removed" />
  );
}
