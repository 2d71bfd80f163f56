import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoticeCard } from "@/components/notice-card";
import { DetailRows, TryAgain } from "@/components/link-page-parts";
import { ShareLinks } from "@/components/share-links";
import { appUrl } from "@/lib/app-url";
import { expectedError } from "@/lib/http/app-error";
import { countryName } from "@/lib/countries";
import { findConfirmation } from "@/lib/signatures/confirm-signature";
import type { SignerDetails } from "@/lib/signatures/signing-sql";
import { effectiveStatus } from "@/lib/letters/effective-status";
import { confirmSignatureAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Confirm your signature", robots: { index: false }, referrer: "no-referrer" };

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
    if (expected?.code === "database_unavailable") return <TryAgain message={expected.message} />;
    throw error;
  }
  const { signature, submission } = confirmation;
  const { letter } = signature;

  if (confirmation.done) {
    const awaitingReview = signature.status === "awaiting_review";
    return (
      <NoticeCard icon="✓" title={awaitingReview ? "Confirmed: waiting for review" : "Thank you for signing"}>
        <p data-testid="thank-you">
          {awaitingReview ? (
            <>
              The signature of <strong>{signature.organizationName}</strong> on <em>{letter.title}</em> is confirmed. A
              moderator will check it before it is counted and listed; we will write to you if we have a question.
            </>
          ) : (
            <>
              Your signature on <em>{letter.title}</em> is confirmed and counted.
            </>
          )}
        </p>
        <p>The letter grows when people share it. Will you pass it on?</p>
        <ShareLinks url={appUrl(`/letters/${letter.slug}`)} title={letter.title} />
        <p className="pt-2">
          <Link href={`/letters/${letter.slug}`} className="font-medium text-brand-700 hover:underline">
            See the letter and who has signed →
          </Link>
        </p>
      </NoticeCard>
    );
  }

  const status = effectiveStatus(letter);
  const closed = problem === "letter_not_open" || status !== "open";
  return (
    <NoticeCard icon="✉" title={closed ? "This letter is not taking signatures" : "Confirm your signature"}>
      {closed ? (
        <p>
          <em>{letter.title}</em> is {status === "paused" ? "paused" : "closed"}, so your signature cannot be
          counted now.{" "}
          <Link href={`/letters/${letter.slug}`} className="font-medium text-brand-700 hover:underline">
            Read the letter
          </Link>
          .
        </p>
      ) : (
        <>
          <p>
            {submission.kind === "organization" ? (
              <>
                You are about to sign <strong>{letter.title}</strong> on behalf of <strong>{submission.organizationName}</strong>.
              </>
            ) : (
              <>
                You are about to sign <strong>{letter.title}</strong>.
              </>
            )}{" "}
            Check what will be published:
          </p>
          <SubmissionSummary submission={submission} />
          {problem === "database_unavailable" ? (
            <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
              Your signature could not be confirmed just now: our database was not answering. Please press the button again in a few seconds.
            </p>
          ) : null}
          <form action={confirmSignatureAction.bind(null, token)}>
            <button
              type="submit"
              className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 sm:w-auto"
            >
              Confirm my signature
            </button>
          </form>
          <p className="text-sm text-stone-600">
            If you did not ask to sign, or these are not your details, close this page: nothing will be counted. If
            someone else filled in the form with your address, sign again yourself and confirm the link that shows your
            own details.
          </p>
        </>
      )}
    </NoticeCard>
  );
}

/** Exactly what confirming publishes: the details of the request that made this link. */
function SubmissionSummary({ submission }: { submission: SignerDetails }) {
  const organization = submission.kind === "organization";
  const rows: [string, string][] = [
    ...(organization
      ? ([
          ["Organisation", submission.organizationName ?? ""],
          ["Website", submission.website ?? ""],
          ["Contact (not published)", submission.name],
        ] as [string, string][])
      : ([["Name", submission.name]] as [string, string][])),
    ...(!organization && submission.title ? ([["Title", submission.title]] as [string, string][]) : []),
    ...(!organization && submission.affiliation ? ([["Organisation", submission.affiliation]] as [string, string][]) : []),
    ["Country", countryName(submission.country)],
    [
      "In the public list",
      submission.listPublicly
        ? organization
          ? "Yes: the organisation's name is shown among the signatories"
          : "Yes: your name is shown among the signatories"
        : "No: counted, but not listed by name",
    ],
    ...(submission.comment ? ([["Comment (seen by moderators)", submission.comment]] as [string, string][]) : []),
  ];
  return (
    <DetailRows rows={rows} testId="submission" />
  );
}

function ExpiredLink() {
  return (
    <NoticeCard icon="⌛" title="This link has expired">
      <p>Confirmation links work for 7 days, and this one is older. Your signature was not counted.</p>
      <p>
        <Link href="/" className="font-medium text-brand-700 hover:underline">
          Find the letter and sign again
        </Link>{" "}
        to get a fresh link.
      </p>
    </NoticeCard>
  );
}
