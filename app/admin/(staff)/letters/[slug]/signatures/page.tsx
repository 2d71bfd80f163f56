import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BulkMatchingForm } from "@/components/admin/bulk-matching-form";
import { SelectionForm } from "@/components/admin/selection-form";
import { SignatureFilterForm } from "@/components/admin/signature-filter-form";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { countryName } from "@/lib/countries";
import { getAdminLetter } from "@/lib/letters/get-admin-letter";
import { countSignatures, searchSignatures } from "@/lib/moderation/search-signatures";
import { FLAG_LABEL } from "@/lib/moderation/signing-flags";
import { filterFromSearchParams, filterToQuery } from "@/lib/validation/signature-filter";
import { moderateAction } from "../../../queue/actions";
import { moderateMatchingAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Signatures" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignaturesPage({ params, searchParams }: Props) {
  await requireStaffPage("moderate");
  const { slug } = await params;
  const query = await searchParams;
  const letter = await getAdminLetter({ slug });
  if (!letter) notFound();
  const parsed = filterFromSearchParams(query);
  const filter = parsed.success ? parsed.data : {};
  const cursor = typeof query.cursor === "string" ? query.cursor : null;
  const base = `/admin/letters/${slug}/signatures`;
  const [page, total] = await Promise.all([
    searchSignatures({ letterId: letter.id, filter, cursor }),
    countSignatures({ letterId: letter.id, filter }),
  ]);
  const keep = new URLSearchParams(filterToQuery(filter));
  const withParams = (extra: Record<string, string>) => `${base}?${new URLSearchParams({ ...Object.fromEntries(keep), ...extra })}`;

  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-stone-500">
          <Link href="/admin/letters" className="hover:underline">Letters</Link> / {letter.title}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight">Signatures</h1>
      </div>
      {!parsed.success ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {parsed.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join(" ")}
        </p>
      ) : null}
      <SignatureFilterForm action={base} filter={filter} />
      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <p data-testid="match-count">
          <strong>{total.toLocaleString("en")}</strong> signature{total === 1 ? "" : "s"} match.
        </p>
        {query.bulk ? null : (
          <Link href={withParams({ bulk: "1" })} className="font-medium text-brand-700 hover:underline">
            Act on everything matching this filter…
          </Link>
        )}
      </div>
      {query.bulk ? (
        <BulkMatchingForm action={moderateMatchingAction} letterId={letter.id} filterJson={JSON.stringify(filter)} count={total} />
      ) : null}
      <SelectionForm action={moderateAction}>
        <div className="overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full min-w-[760px] text-left text-sm">
            <caption className="sr-only">Signatures of {letter.title}</caption>
            <thead className="bg-stone-50 text-stone-600">
              <tr>
                <th scope="col" className="w-10 px-3 py-2"><span className="sr-only">Select</span></th>
                <th scope="col" className="px-3 py-2 font-medium">Signer</th>
                <th scope="col" className="px-3 py-2 font-medium">Email</th>
                <th scope="col" className="px-3 py-2 font-medium">Country</th>
                <th scope="col" className="px-3 py-2 font-medium">State</th>
                <th scope="col" className="px-3 py-2 font-medium">Signed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {page.items.map((s) => (
                <tr key={s.id} data-testid="signature-row">
                  <td className="px-3 py-2">
                    <input type="checkbox" name="ids" value={s.id} aria-label={`Select ${s.name}`} className="size-4" />
                  </td>
                  <td className="px-3 py-2">
                    <div className="font-medium text-stone-900">{s.kind === "organization" ? s.organizationName : s.name}</div>
                    <div className="text-xs text-stone-500">
                      {s.kind === "organization" ? `Organisation · contact ${s.name}` : [s.title, s.affiliation].filter(Boolean).join(", ") || "Individual"}
                      {s.listPublicly ? "" : " · not listed"}
                    </div>
                  </td>
                  {/* An empty email was anonymised after the letter closed (lib/retention/). */}
                  <td className="px-3 py-2">{s.email || <span className="text-stone-500">anonymised</span>}</td>
                  <td className="px-3 py-2">{countryName(s.country)}</td>
                  <td className="max-w-xs px-3 py-2">
                    <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium">{s.status.replace("_", " ")}</span>
                    {s.flags ? <span className="ml-1 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900">flagged</span> : null}
                    {s.flags ? <p className="mt-1 text-xs text-amber-900">{s.flags.split(",").map((f) => FLAG_LABEL[f] ?? f).join("; ")}</p> : null}
                    {s.moderationReason ? <p className="mt-1 break-words text-xs text-stone-600" data-testid="moderation-reason">{s.moderationReason}</p> : null}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-stone-600">{s.createdAt.toISOString().slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.items.length === 0 ? <p className="p-6 text-center text-stone-600">No signature matches this filter.</p> : null}
        </div>
      </SelectionForm>
      <nav aria-label="Pages" className="flex justify-between text-sm">
        {cursor ? <Link href={withParams({})} className="font-medium text-brand-700 hover:underline">← First page</Link> : <span />}
        {page.nextCursor ? (
          <Link href={withParams({ cursor: page.nextCursor })} className="font-medium text-brand-700 hover:underline">Next page →</Link>
        ) : null}
      </nav>
    </div>
  );
}
