"use client";

import { useActionState } from "react";
import { requestSignInLink, type SignInState } from "./actions";

export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(requestSignInLink, null);
  return (
    <form action={action} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="admin-email" className="block text-sm font-medium text-stone-900">
          Email
        </label>
        <input
          id="admin-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          aria-invalid={state?.error ? true : undefined}
          aria-describedby={state?.error ? "admin-email-error" : undefined}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base aria-invalid:border-red-600 sm:text-sm"
        />
        {state?.error ? (
          <p id="admin-email-error" className="mt-1 text-sm text-red-700">
            {state.error}
          </p>
        ) : null}
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-2.5 font-semibold text-white hover:bg-brand-700 disabled:opacity-70"
      >
        {pending ? "Sending…" : "Email me a sign-in link"}
      </button>
    </form>
  );
}
