import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoticeCard } from "@/components/notice-card";
import { countryName } from "@/lib/countries";
import { plural } from "@/lib/format";
import { expectedError } from "@/lib/http/app-error";
import { findDataRequest } from "@/lib/signer-rights/find-data-request";
import { signerData, type SignerData } from "@/lib/signer-rights/signer-data";
import { eraseEverythingAction, withdrawOwnSignatureAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your data", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ erase?: string; withdrawn?: string; problem?: string }> };

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const linkClass = "font-medium text-brand-700 underline-offset-2 hover:underline";
const focusRing = "focus-visible:outline-2 focus-visible:outline-offset-2";

/** What each state means to the signer. */
const STATUS_FOR_SIGNER: Record<string, string> = {
  unverified: "Not confirmed, so not counted",
  awaiting_review: "Confirmed, waiting for a moderator",
  counted: "Counted",
  rejected: "Not counted: turned down by a moderator",
  hidden: "Not counted: hidden by a moderator",
  fraud: "Not counted: set aside as suspected abuse",
};

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
    if (expected) return <NoticeCard icon="⟳" title="Please try again in a moment"><p>{expected.message}</p></NoticeCard>;
    throw error;
  }
  const here = `/my-data/${encodeURIComponent(token)}`;

  if (erase === "confirm") {
    return (
      <NoticeCard icon="!" title="Erase everything?">
        <p>
          This withdraws and deletes {plural(data.signatures.length, "signature", "signatures")} and{" "}
          {plural(data.emails.length, "email", "emails")} we sent to your address, and this link with them. Signatures that
          counted stop counting at once. It cannot be undone.
        </p>
        <form action={eraseEverythingAction.bind(null, token)} className="flex flex-col gap-3 sm:flex-row sm:items-center">
          <button type="submit" className={`rounded-lg bg-red-700 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-red-800 ${focusRing} focus-visible:outline-red-700`}>
            Yes, erase everything
          </button>
          <Link href={here} className={`${linkClass} px-1 py-2`}>
            No, go back
          </Link>
        </form>
      </NoticeCard>
    );
  }

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-14">
      <h1 className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">Your data</h1>
      <p className="mt-3 text-stone-700">
        Everything we hold about your email address. This page works for an hour from when we sent the link.
      </p>
      {withdrawn ? (
        <p role="status" className="mt-4 rounded-lg border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          The signature is withdrawn: it no longer counts, and nothing of it is kept.
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-4 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {problem === "rate_limited"
            ? "Too many attempts from your network just now. Please wait a few minutes and try again."
            : "That did not work just now. Please try again in a few seconds."}
        </p>
      ) : null}

      <div className="mt-6 flex flex-col gap-3 sm:flex-row">
        <a href={`${here}/export.json`} download className={`rounded-lg border border-stone-300 bg-white px-4 py-2.5 text-center text-sm font-semibold text-stone-900 shadow-sm hover:bg-stone-50 ${focusRing} focus-visible:outline-brand-600`}>
          Download my data (JSON)
        </a>
        {data.signatures.length > 0 || data.emails.length > 0 ? (
          <Link href={`${here}?erase=confirm`} className={`rounded-lg border border-red-300 bg-white px-4 py-2.5 text-center text-sm font-semibold text-red-800 hover:bg-red-50 ${focusRing} focus-visible:outline-red-700`}>
            Erase everything…
          </Link>
        ) : null}
      </div>

      <h2 className="mt-10 text-lg font-semibold text-stone-900">
        Signatures ({data.signatures.length})
      </h2>
      {data.signatures.length === 0 ? (
        <p className="mt-2 text-stone-700">No signature is held for this address.</p>
      ) : (
        <ul className="mt-3 space-y-4" data-testid="signatures">
          {data.signatures.map((signature) => (
            <li key={signature.id} className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm sm:p-5">
              <h3 className="font-semibold text-stone-900">
                <Link href={`/letters/${signature.letter.slug}`} className="underline-offset-2 hover:underline">
                  {signature.letter.title}
                </Link>
              </h3>
              <SignatureFacts signature={signature} />
              <form action={withdrawOwnSignatureAction.bind(null, token, signature.id)} className="mt-3">
                <button type="submit" aria-label={`Withdraw my signature on ${signature.letter.title}`} className={`rounded-lg border border-stone-300 px-3 py-2 text-sm font-semibold text-stone-900 hover:bg-stone-50 ${focusRing} focus-visible:outline-brand-600`}>
                  Withdraw
                </button>
              </form>
            </li>
          ))}
        </ul>
      )}

      <h2 className="mt-10 text-lg font-semibold text-stone-900">Emails we sent you ({data.emails.length})</h2>
      {data.emails.length === 0 ? (
        <p className="mt-2 text-stone-700">None kept.</p>
      ) : (
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white text-sm">
          {data.emails.map((email) => (
            <li key={email.id} className="flex flex-col gap-1 px-4 py-3 sm:flex-row sm:justify-between">
              <span className="text-stone-900">{email.subject}</span>
              <span className="text-stone-600">{when.format(email.sentAt ?? email.createdAt)} UTC</span>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-4 text-sm text-stone-600">The download holds every field of each, the emails&apos; text included.</p>
    </div>
  );
}

function SignatureFacts({ signature }: { signature: SignerData["signatures"][number] }) {
  const organization = signature.kind === "organization";
  const rows: [string, string | null | undefined][] = [
    ["Signed as", organization ? "An organisation" : "An individual"],
    ...(organization ? ([["Organisation", signature.organizationName], ["Website", signature.website]] as [string, string | null][]) : []),
    [organization ? "Contact" : "Name", signature.name],
    ...(!organization ? ([["Title", signature.title], ["Affiliation", signature.affiliation]] as [string, string | null][]) : []),
    ["Country", countryName(signature.country)],
    ["Listed by name", signature.listPublicly ? "Yes" : "No"],
    ["Status", STATUS_FOR_SIGNER[signature.status] ?? signature.status],
    ["Signed", `${when.format(signature.createdAt)} UTC`],
    ["Confirmed", signature.confirmedAt ? `${when.format(signature.confirmedAt)} UTC` : "Not yet"],
    ["Comment", signature.comment],
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

function ExpiredLink() {
  return (
    <NoticeCard icon="⌛" title="This link has expired">
      <p>Links to your data work for one hour, and this one is older.</p>
      <p>
        <Link href="/my-data" className={linkClass}>
          Ask for a new link
        </Link>
        .
      </p>
    </NoticeCard>
  );
}
