"use client";

import { useActionState, type ReactNode } from "react";
import type { ModerationState } from "@/app/admin/(staff)/queue/actions";
import { submitWithoutReset } from "./submit-without-reset";
import { ActionAndReason } from "./action-and-reason";

/**
 * Wraps the signatures table: its row checkboxes (name="ids") and these controls make
 * one form, so a moderator can act on the rows they ticked.
 */
export function SelectionForm({
  action,
  children,
}: {
  action: (state: ModerationState, form: FormData) => Promise<ModerationState>;
  children: ReactNode;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} aria-label="Act on selected signatures">
      <div className="mb-3 flex flex-wrap items-end gap-2 rounded-lg bg-stone-100 p-3 text-sm">
        <ActionAndReason actionLabel="With the selected rows" />
        <button type="submit" disabled={pending} className="rounded-md bg-stone-900 px-3 py-1.5 font-medium text-white disabled:opacity-60">
          Apply to selection
        </button>
        {state ? (
          <p role="status" className={`w-full ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
            {state.ok ? state.message : state.error}
          </p>
        ) : null}
      </div>
      {children}
    </form>
  );
}
