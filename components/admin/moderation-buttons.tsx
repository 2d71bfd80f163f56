"use client";

import { useActionState } from "react";
import type { ModerationState } from "@/app/admin/(staff)/queue/actions";
import { submitWithoutReset } from "./submit-without-reset";
import { ACTION_LABEL, type ModerationAction } from "@/lib/moderation/transitions";

const STYLE: Record<ModerationAction, string> = {
  approve: "bg-emerald-700 text-white hover:bg-emerald-800",
  restore: "bg-emerald-700 text-white hover:bg-emerald-800",
  reject: "border border-red-300 text-red-800 hover:bg-red-50",
  hide: "border border-stone-300 text-stone-800 hover:bg-stone-50",
  fraud: "border border-red-300 text-red-800 hover:bg-red-50",
};

/** A reason box and one button per action, for one signature. */
export function ModerationButtons({
  action,
  ids,
  actions,
  label,
}: {
  action: (state: ModerationState, form: FormData) => Promise<ModerationState>;
  ids: string[];
  actions: ModerationAction[];
  label: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const reasonId = `reason-${ids[0]}`;
  return (
    <form action={formAction} onSubmit={submitWithoutReset(formAction)} className="space-y-2" aria-label={label}>
      {ids.map((id) => (
        <input key={id} type="hidden" name="ids" value={id} />
      ))}
      <label htmlFor={reasonId} className="sr-only">
        Reason
      </label>
      <input
        id={reasonId}
        name="reason"
        placeholder="Reason (needed to reject or mark as fraud)"
        maxLength={500}
        className="block w-full rounded-md border border-stone-300 px-2.5 py-1.5 text-sm"
      />
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <button
            key={a}
            type="submit"
            name="action"
            value={a}
            disabled={pending}
            className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-60 ${STYLE[a]}`}
          >
            {ACTION_LABEL[a]}
          </button>
        ))}
      </div>
      {state ? (
        <p role="status" className={`text-sm ${state.ok ? "text-emerald-800" : "text-red-700"}`}>
          {state.ok ? state.message : state.error}
        </p>
      ) : null}
    </form>
  );
}
