"use client";

import { useActionState, type ReactNode } from "react";
import type { ModerationState } from "@/app/admin/(staff)/queue/actions";
import { submitWithoutReset } from "./submit-without-reset";
import { ACTION_LABEL, MODERATION_ACTIONS } from "@/lib/moderation/transitions";

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
        <label className="flex flex-col gap-1">
          <span className="font-medium">With the selected rows</span>
          <select name="action" className="rounded-md border border-stone-300 bg-white px-2 py-1.5" defaultValue="">
            <option value="" disabled>
              Choose an action
            </option>
            {MODERATION_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABEL[a]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-56 flex-1 flex-col gap-1">
          <span className="font-medium">Reason</span>
          <input name="reason" maxLength={500} className="rounded-md border border-stone-300 bg-white px-2 py-1.5" />
        </label>
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
