"use client";

import { useState, type FocusEvent, type FormEvent } from "react";
import type { FieldErrors } from "@/lib/validation/signature";

/**
 * Browser-side validation with the shared schema: a field is checked when it is left,
 * re-checked as it changes while it shows an error, and everything is checked on submit.
 * Errors from the server take over whenever a new server answer arrives.
 */
export function useFormValidation<State extends { fields: FieldErrors } | null>(
  validate: (form: HTMLFormElement) => FieldErrors,
  serverState: State,
) {
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const [shown, setShown] = useState(serverState);
  if (serverState !== shown) {
    setShown(serverState);
    if (serverState) setClientErrors(null);
  }
  const errors: FieldErrors = clientErrors ?? serverState?.fields ?? {};
  const only = (all: FieldErrors, keys: Set<string>) => Object.fromEntries(Object.entries(all).filter(([k]) => keys.has(k)));

  return {
    errors,
    hasClientErrors: clientErrors !== null && Object.keys(clientErrors).length > 0,
    onBlur(event: FocusEvent<HTMLFormElement>) {
      const name = (event.target as unknown as HTMLInputElement).name;
      if (!name || (event.relatedTarget as HTMLElement | null)?.getAttribute("type") === "submit") return;
      const next = new Set(touched).add(name);
      setTouched(next);
      setClientErrors(only(validate(event.currentTarget), next));
    },
    onChange(event: FormEvent<HTMLFormElement>) {
      const name = (event.target as unknown as HTMLInputElement).name;
      if (!name || !errors[name]) return;
      setClientErrors(only(validate(event.currentTarget), new Set(touched).add(name)));
    },
    /** True when the form may be sent. */
    checkAll(form: HTMLFormElement): boolean {
      const found = validate(form);
      setClientErrors(found);
      setTouched(new Set(Object.keys(found)));
      return Object.keys(found).length === 0;
    },
  };
}
