import type { Metadata } from "next";
import Link from "next/link";
import { ModerationButtons } from "@/components/admin/moderation-buttons";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { countryName } from "@/lib/countries";
import { FLAG_LABEL } from "@/lib/moderation/signing-flags";
import { reviewQueue, type QueueItem } from "@/lib/moderation/review-queue";
import { moderateAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review queue" };

export default async function QueuePage() {
  await requireStaffPage("moderate");
  const { organizations, flagged, waiting } = await reviewQueue();
  return (
    <div className="space-y-10">
      <section aria-labelledby="orgs-heading">
        <h1 id="orgs-heading" className="text-2xl font-bold tracking-tight">
          Organisations awaiting review <span className="text-stone-500">({waiting})</span>
        </h1>
        <p className="mt-1 text-sm text-stone-600">Confirmed by email; counted and listed only once approved. Oldest first.</p>
        {organizations.length === 0 ? (
          <Empty>No organisation is waiting.</Empty>
        ) : (
          <ul className="mt-4 grid gap-4 lg:grid-cols-2">
            {organizations.map((item) => (
              <QueueCard key={item.id} item={item} actions={["approve", "reject", "hide", "fraud"]} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="flagged-heading">
        <h2 id="flagged-heading" className="text-xl font-bold tracking-tight">Flagged signatures</h2>
        <p className="mt-1 text-sm text-stone-600">Raised by a rule or a reader&apos;s report. Approve to clear the flag, or remove the signature.</p>
        {flagged.length === 0 ? (
          <Empty>Nothing is flagged.</Empty>
        ) : (
          <ul className="mt-4 grid gap-4 lg:grid-cols-2">
            {flagged.map((item) => (
              <QueueCard key={item.id} item={item} actions={["approve", "reject", "hide", "fraud"]} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-stone-600">{children}</p>;
}

function QueueCard({ item, actions }: { item: QueueItem; actions: ("approve" | "reject" | "hide" | "fraud")[] }) {
  const title = item.kind === "organization" ? item.organizationName ?? item.name : item.name;
  return (
    <li className="rounded-xl border border-stone-200 bg-white p-4 shadow-sm" data-testid="queue-item">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold text-stone-900">{title}</h3>
        {item.kind === "organization" ? (
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-medium ${item.domainMatch ? "bg-emerald-50 text-emerald-800" : "bg-amber-50 text-amber-900"}`}
          >
            {item.domainMatch ? "Email domain matches website" : "Email domain differs from website"}
          </span>
        ) : null}
      </div>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-sm">
        {item.website ? (
          <Row term="Website">
            <a href={item.website} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-brand-700 hover:underline">
              {item.website}
            </a>
          </Row>
        ) : null}
        <Row term={item.kind === "organization" ? "Contact" : "Name"}>{item.name}</Row>
        <Row term="Email">{item.email ? <span className="break-all">{item.email}</span> : <span className="text-stone-500">anonymised</span>}</Row>
        <Row term="Country">{countryName(item.country)}</Row>
        {item.title || item.affiliation ? <Row term="Role">{[item.title, item.affiliation].filter(Boolean).join(", ")}</Row> : null}
        {item.comment ? <Row term="Comment"><span className="whitespace-pre-wrap">{item.comment}</span></Row> : null}
        {item.flags ? <Row term="Flags">{item.flags.split(",").map((f) => FLAG_LABEL[f] ?? f).join("; ")}</Row> : null}
        <Row term="Letter">
          <Link href={`/admin/letters/${item.letter.slug}/signatures`} className="text-brand-700 hover:underline">{item.letter.title}</Link>
        </Row>
        <Row term="Signed">{item.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC · {item.status.replace("_", " ")}</Row>
      </dl>
      <div className="mt-3 border-t border-stone-100 pt-3">
        <ModerationButtons action={moderateAction} ids={[item.id]} actions={actions} label={`Moderate ${title}`} />
      </div>
    </li>
  );
}

function Row({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-stone-500">{term}</dt>
      <dd className="min-w-0 text-stone-900">{children}</dd>
    </>
  );
}
