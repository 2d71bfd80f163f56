"use client";

import { useActionState } from "react";
import type { PeopleFormState } from "@/app/admin/(staff)/people/actions";
import { Field, fieldProps, inputClass } from "./form-field";

export function AddPersonForm({ action }: { action: (state: PeopleFormState, form: FormData) => Promise<PeopleFormState> }) {
  const [state, formAction, pending] = useActionState(action, null);
  const errors = state && !state.ok ? state.fields : {};
  return (
    <form action={formAction} noValidate className="grid gap-4 sm:grid-cols-[minmax(0,1fr)_12rem_auto] sm:items-start">
      <Field prefix="person" name="email" label="Email" errors={errors}>
        <input {...fieldProps("person", "email", errors)} type="email" autoComplete="off" spellCheck={false} className={inputClass} />
      </Field>
      <Field prefix="person" name="role" label="Role" errors={errors}>
        <select {...fieldProps("person", "role", errors)} defaultValue="moderator" className={inputClass}>
          <option value="moderator">Moderator</option>
          <option value="admin">Admin</option>
        </select>
      </Field>
      <button type="submit" disabled={pending}
        className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-70 sm:mt-6">
        {pending ? "Adding…" : "Add person"}
      </button>
      <p role="status" className={`text-sm empty:sr-only sm:col-span-3 ${state?.ok ? "text-emerald-800" : "text-red-700"}`}>
        {state?.ok ? state.message : state && Object.keys(state.fields).length === 0 ? state.error : null}
      </p>
    </form>
  );
}
