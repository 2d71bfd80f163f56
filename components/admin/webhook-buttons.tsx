"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import type { WebhookFormState } from "@/app/admin/(staff)/webhooks/actions";
import { WebhookSecret } from "./webhook-secret";

type Action = (state: WebhookFormState, form: FormData) => Promise<WebhookFormState>;

const button = "rounded-md border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-stone-50 disabled:opacity-60";

/** "Make a new secret": the new one is shown once, here. */
export function RotateSecretButton({ id, action }: { id: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="id" value={id} />
      {state?.ok && state.secret ? <WebhookSecret secret={state.secret} /> : null}
      <button type="submit" disabled={pending} className={button}>{pending ? "Making…" : "Make a new secret"}</button>
      {state && !state.ok ? <p role="alert" className="text-sm text-red-700">{state.error}</p> : null}
    </form>
  );
}

/** Deletes the endpoint, then goes back to the list. */
export function DeleteWebhookButton({ id, action }: { id: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push("/admin/webhooks");
  }, [state, router]);
  return (
    <form action={formAction} className="space-y-2"
      onSubmit={(event) => {
        if (!window.confirm("Delete this endpoint and its delivery log? Nothing more is sent to it.")) event.preventDefault();
      }}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className={`${button} border-red-300 text-red-800 hover:bg-red-50`}>
        {pending ? "Deleting…" : "Delete endpoint"}
      </button>
      {state && !state.ok ? <p role="alert" className="text-sm text-red-700">{state.error}</p> : null}
    </form>
  );
}
