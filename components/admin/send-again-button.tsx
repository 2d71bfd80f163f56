"use client";

import { useActionState } from "react";

/** What a "send again" action answers: the mail page's and the webhook log's both fit it. */
type SendAgainState = { ok: true; message: string } | { ok: false; error: string } | null;
type Action<S extends SendAgainState> = (state: S, form: FormData) => Promise<S>;

/** "Send again" for one failed message or delivery, with what happened said beside it. */
export function SendAgainButton<S extends SendAgainState>({
  id,
  label,
  pendingText = "Sending…",
  action,
}: {
  id: string;
  /** the button's accessible name, saying which one */
  label: string;
  pendingText?: string;
  action: Action<S>;
}) {
  const [state, formAction, pending] = useActionState<S, FormData>(action, null as Awaited<S>);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2 md:justify-end">
      <input type="hidden" name="id" value={id} />
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-800">{state.message}</p>
      ) : (
        <button type="submit" disabled={pending} aria-label={label}
          className="rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium hover:bg-stone-50 disabled:opacity-60">
          {pending ? pendingText : "Send again"}
        </button>
      )}
      {state && !state.ok ? <p role="alert" className="w-full text-sm text-red-700 md:text-right">{state.error}</p> : null}
    </form>
  );
}
