"use client";

import { useActionState } from "react";
import type { BlockFormState } from "@/app/admin/(staff)/blocks/actions";

type Action = (state: BlockFormState, form: FormData) => Promise<BlockFormState>;

/** The "Remove" button of one block-list entry. */
export function RemoveBlockRule({ id, label, action }: { id: string; label: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-col items-start gap-1 md:items-end">
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={label}
        className="rounded-md border border-stone-300 px-2.5 py-1 text-sm font-medium hover:bg-stone-50 disabled:opacity-60">
        {pending ? "Removing…" : "Remove"}
      </button>
      {state && !state.ok ? <p role="alert" className="text-sm text-red-700">{state.error}</p> : null}
    </form>
  );
}
