import Link from "next/link";
import { COUNTRY_OPTIONS } from "@/lib/countries";
import { SIGNATURE_STATES, type SignatureFilter } from "@/lib/validation/signature-filter";

const field = "rounded-md border border-stone-300 bg-white px-2 py-1.5";

/** The filter, as a GET form: every filtered view has its own shareable URL. */
export function SignatureFilterForm({ action, filter }: { action: string; filter: SignatureFilter }) {
  return (
    <form method="get" action={action} className="grid gap-3 rounded-xl border border-stone-200 bg-white p-4 text-sm sm:grid-cols-2 lg:grid-cols-4" aria-label="Filter signatures">
      <label className="flex flex-col gap-1 sm:col-span-2">
        <span className="font-medium">Search</span>
        <input name="q" type="search" defaultValue={filter.q ?? ""} placeholder="Name, email, or @domain" className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Kind</span>
        <select name="kind" defaultValue={filter.kind ?? ""} className={field}>
          <option value="">Any</option>
          <option value="individual">Individuals</option>
          <option value="organization">Organisations</option>
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">State</span>
        <select name="status" defaultValue={filter.status ?? ""} className={field}>
          <option value="">Any</option>
          {SIGNATURE_STATES.map((s) => (
            <option key={s} value={s}>
              {s.replace("_", " ")}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Country</span>
        <select name="country" defaultValue={filter.country ?? ""} className={field}>
          <option value="">Any</option>
          {COUNTRY_OPTIONS.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Signed from</span>
        <input name="from" type="date" defaultValue={filter.from ?? ""} className={field} />
      </label>
      <label className="flex flex-col gap-1">
        <span className="font-medium">Signed until</span>
        <input name="to" type="date" defaultValue={filter.to ?? ""} className={field} />
      </label>
      <div className="flex items-end gap-3">
        <label className="flex items-center gap-2 pb-1.5">
          <input name="flagged" type="checkbox" value="1" defaultChecked={filter.flagged} className="size-4" /> Flagged only
        </label>
      </div>
      <div className="flex items-end gap-2 lg:col-span-4">
        <button type="submit" className="rounded-md bg-brand-600 px-4 py-1.5 font-medium text-white hover:bg-brand-700">
          Filter
        </button>
        <Link href={action} className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">
          Clear
        </Link>
      </div>
    </form>
  );
}
