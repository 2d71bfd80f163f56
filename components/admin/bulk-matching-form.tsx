"use client";

import { useActionState } from "react";
import type { ModerationState } from "@/app/admin/(staff)/queue/actions";
import { submitWithoutReset } from "./submit-without-reset";
import { ActionAndReason } from "./action-and-reason";

/** "Everything matching this filter": states how many rows will change before confirming. */
export function BulkMatchingForm({
  action,
  letterId,
  filterJson,
  count,
}: {
  action: (state: ModerationState, form: FormData) => Promise<ModerationState>;
  letterId: string;
  filterJson: string;
  count: number;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-3 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm" aria-label="Act on every matching signature">
      <input type="hidden" name="letterId" value={letterId} />
      <input type="hidden" name="filter" value={filterJson} />
      <input type="hidden" name="expected" value={count} />
      <p className="font-semibold text-amber-950" data-testid="bulk-count">
        This will apply to all {count.toLocaleString("en")} signature{count === 1 ? "" : "s"} matching the filter.
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <ActionAndReason actionLabel="Action" />
        <button type="submit" disabled={pending || count === 0} className="rounded-md bg-amber-800 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          Confirm: change {count.toLocaleString("en")}
        </button>
      </div>
      {state ? (
        <p role="status" className={state.ok ? "text-emerald-800" : "text-red-700"}>
          {state.ok ? state.message : state.error}
        </p>
      ) : null}
    </form>
  );
}
