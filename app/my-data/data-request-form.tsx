"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { dataRequestSchema } from "@/lib/validation/data-request";
import { translateMessage, type Translate } from "@/lib/validation/message-keys";
import type { DataRequestState } from "./actions";

/** The form's own words, translated by the page (the client gets only the validation messages). */
export interface DataRequestWords {
  emailLabel: string;
  sendLink: string;
}

export function DataRequestForm({
  action,
  words,
}: {
  action: (state: DataRequestState, form: FormData) => Promise<DataRequestState>;
  words: DataRequestWords;
}) {
  const tv = useTranslations("validation") as unknown as Translate;
  const [state, formAction, pending] = useActionState(action, null);
  const [browserError, setBrowserError] = useState<string | null>(null);
  const error = browserError ?? state?.fields.email?.[0] ?? null;
  return (
    <form
      action={formAction}
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        // The server checks again with the same schema; this only saves a round trip.
        const parsed = dataRequestSchema.safeParse({ email: new FormData(event.currentTarget).get("email") ?? "" });
        setBrowserError(parsed.success ? null : parsed.error.issues[0] ? translateMessage(parsed.error.issues[0].message, tv) : null);
        if (!parsed.success) event.preventDefault();
      }}
    >
      <div>
        <label htmlFor="my-data-email" className="block text-sm font-medium text-stone-900">
          {words.emailLabel}
        </label>
        <input
          id="my-data-email"
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "my-data-email-error" : undefined}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 text-base aria-invalid:border-red-600"
        />
        {error ? (
          <p id="my-data-email-error" className="mt-1 text-sm text-red-700">
            {error}
          </p>
        ) : null}
      </div>
      {state && !state.fields.email ? (
        <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {state.error}
        </p>
      ) : null}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60 sm:w-auto"
      >
        {words.sendLink}
      </button>
    </form>
  );
}
