"use client";

import { useActionState } from "react";
import type { SendAgainState } from "@/app/admin/(staff)/mail/actions";

type Action = (state: SendAgainState, form: FormData) => Promise<SendAgainState>;

/** "Send again" for one failed message, with what happened said beside it. */
export function SendAgainButton({ id, to, action }: { id: string; to: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 md:justify-end">
      <input type="hidden" name="id" value={id} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-800">{state.message}</p>
      ) : (
        <button type="submit" disabled={pending} aria-label={`Send again to ${to}`}
          className="rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-50 disabled:opacity-60">
          {pending ? "Sending…" : "Send again"}
        </button>
      )}
      {state && !state.ok ? <p role="alert" className="w-full text-sm text-red-700 md:text-right">{state.error}</p> : null}
    </form>
  );
}
