"use client";

import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { Translate } from "@/lib/validation/message-keys";
import {
  COMMENT_MAX,
  signatureFieldErrors,
  signatureInputFromForm,
  signatureInputSchema,
  type FieldErrors,
} from "@/lib/validation/signature";
import { HONEYPOT_FIELD } from "@/lib/validation/signing-checks";
import type { SignFormState } from "@/app/letters/[slug]/actions";
import { useSigningChecks } from "./use-signing-checks";

type Kind = "individual" | "organization";

export function SignForm({
  slug,
  action,
  kinds,
  countries,
}: {
  slug: string;
  action: (state: SignFormState, form: FormData) => Promise<SignFormState>;
  kinds: Kind[];
  /** In the reader's language and order (lib/countries/country-names.ts). */
  countries: readonly { code: string; name: string }[];
}) {
  const t = useTranslations("signForm");
  const tv = useTranslations("validation") as unknown as Translate;
  const [state, formAction, sending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const signingChecks = useSigningChecks(slug);
  // Waiting for the proof of work to finish, when the letter asks for one.
  const [preparing, setPreparing] = useState(false);
  const pending = sending || preparing;
  const [kind, setKind] = useState<Kind>(kinds[0]);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const summaryRef = useRef<HTMLDivElement>(null);

  // Errors from the server replace the browser's own once an answer arrives.
  const [shownServerState, setShownServerState] = useState<SignFormState>(null);
  if (state !== shownServerState) {
    setShownServerState(state);
    if (state) setClientErrors(null);
  }
  const errors: FieldErrors = clientErrors ?? state?.fields ?? {};
  const summary = clientErrors ? tv("fixFields") : state?.error;

  useEffect(() => {
    if (state) summaryRef.current?.focus();
  }, [state]);

  function validate(form: HTMLFormElement, only?: Set<string>): FieldErrors {
    const result = signatureInputSchema.safeParse(signatureInputFromForm(new FormData(form)));
    if (result.success) return {};
    const all = signatureFieldErrors(result.error, tv);
    if (!only) return all;
    return Object.fromEntries(Object.entries(all).filter(([key]) => only.has(key)));
  }

  function onBlur(event: React.FocusEvent<HTMLFormElement>) {
    const name = (event.target as unknown as HTMLInputElement).name;
    if (!name || !formRef.current) return;
    // Heading for the submit button: submitting validates everything anyway, and an error
    // appearing now would move the button from under the pointer.
    if ((event.relatedTarget as HTMLElement | null)?.getAttribute("type") === "submit") return;
    const next = new Set(touched).add(name);
    setTouched(next);
    setClientErrors(validate(formRef.current, next));
  }

  // A field that shows an error is checked again as it changes, so the message goes
  // as soon as it is fixed rather than when the person moves on.
  function onChange(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as unknown as HTMLInputElement).name;
    if (!name || !formRef.current || !errors[name]) return;
    setClientErrors(validate(formRef.current, new Set(touched).add(name)));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const found = validate(form);
    if (Object.keys(found).length > 0) {
      setClientErrors(found);
      setTouched(new Set(Object.keys(found)));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setClientErrors(null);
    const data = new FormData(form);
    setPreparing(true);
    try {
      for (const [key, value] of Object.entries(await signingChecks.checks())) data.set(key, value);
    } finally {
      setPreparing(false);
    }
    // Dispatched by hand (not by the form's action) so the fields keep their values.
    startTransition(() => formAction(data));
  }

  const field = (name: string) => ({
    name,
    id: `sign-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `sign-${name}-error` : undefined,
  });
  const isOrg = kind === "organization";

  return (
    <form
      ref={(form) => {
        formRef.current = form;
        signingChecks.shown(form);
      }}
      action={formAction}
      onSubmit={onSubmit}
      onBlur={onBlur}
      onChange={onChange}
      // The reader has begun: a proof of work, if the letter asks for one, is solved meanwhile.
      onFocus={signingChecks.prepare}
      onInput={signingChecks.prepare}
      noValidate
      className="space-y-5"
      aria-describedby={summary ? "sign-summary" : undefined}
    >
      <div
        ref={summaryRef}
        id="sign-summary"
        tabIndex={-1}
        role="alert"
        className={summary ? "rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-800" : "sr-only"}
      >
        {summary}
        {summary && Object.keys(errors).length > 0 ? (
          <ul className="mt-1 list-disc ps-5">
            {Object.entries(errors).map(([key, messages]) => (
              <li key={key}>
                <a href={`#sign-${key === "form" ? "kind-individual" : key}`} className="inline-block py-1 underline">
                  {messages?.[0]}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      {kinds.length > 1 ? (
        <fieldset>
          <legend className="text-sm font-medium text-stone-900">{t("iAmSigning")}</legend>
          <div className="mt-2 grid grid-cols-2 gap-2">
            {kinds.map((k) => (
              <label
                key={k}
                className="flex cursor-pointer items-center gap-2 rounded-lg border border-stone-300 px-3 py-2.5 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:font-medium has-focus-visible:outline-2 has-focus-visible:outline-brand-600"
              >
                <input
                  type="radio"
                  name="kind"
                  id={`sign-kind-${k}`}
                  value={k}
                  checked={kind === k}
                  onChange={() => setKind(k)}
                  className="accent-brand-600"
                />
                {k === "individual" ? t("asIndividual") : t("forOrganization")}
              </label>
            ))}
          </div>
        </fieldset>
      ) : (
        <input type="hidden" name="kind" value={kind} />
      )}

      {isOrg ? (
        <>
          <TextField label={t("organizationName")} autoComplete="organization" errors={errors} optionalLabel={t("optional")} {...field("organizationName")} />
          <TextField
            label={t("organizationWebsite")}
            hint={t("organizationWebsiteHint")}
            optionalLabel={t("optional")}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://"
            errors={errors}
            {...field("website")}
          />
        </>
      ) : null}

      <TextField label={isOrg ? t("contactName") : t("fullName")} autoComplete="name" errors={errors} optionalLabel={t("optional")} {...field("name")} />
      <TextField
        label={isOrg ? t("contactEmail") : t("email")}
        hint={t("emailHint")}
        optionalLabel={t("optional")}
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        errors={errors}
        {...field("email")}
      />

      <div>
        <Label htmlFor="sign-country">{t("country")}</Label>
        <select
          {...field("country")}
          autoComplete="country"
          defaultValue=""
          className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base aria-invalid:border-red-600 sm:text-sm"
        >
          <option value="" disabled>
            {t("chooseCountry")}
          </option>
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError name="country" errors={errors} />
      </div>

      {!isOrg ? (
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField label={t("titleOrRole")} optional optionalLabel={t("optional")} autoComplete="organization-title" errors={errors} {...field("title")} />
          <TextField label={t("affiliation")} optional optionalLabel={t("optional")} errors={errors} {...field("affiliation")} />
        </div>
      ) : null}

      <div>
        <Label htmlFor="sign-comment" optional={t("optional")}>
          {t("comment")}
        </Label>
        <textarea
          {...field("comment")}
          rows={3}
          maxLength={COMMENT_MAX}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2 text-base aria-invalid:border-red-600 sm:text-sm"
        />
        <p className="mt-1 text-xs text-stone-500">{t("commentHint")}</p>
        <FieldError name="comment" errors={errors} />
      </div>

      <div className="space-y-3 rounded-lg bg-stone-50 p-3">
        <CheckField name="listPublicly" errors={errors}>
          {isOrg ? t("listOrganizationPublicly") : t("listMePublicly")}
          <span className="block text-xs text-stone-500">{t("listPubliclyHint")}</span>
        </CheckField>
        <CheckField name="consent" errors={errors}>
          {t("consent")}
        </CheckField>
        {/* A choice of its own, never ticked for anyone: news by email needs its own yes. */}
        <CheckField name="updates" errors={errors}>
          {t("updates")}
          <span className="block text-xs text-stone-500">{t("updatesHint")}</span>
        </CheckField>
      </div>

      {/* A field that people never see or reach and scripts fill in (the honeypot). */}
      <div aria-hidden="true" className="absolute -start-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="sign-reference">Reference number</label>
        <input type="text" id="sign-reference" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" />
      </div>

      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-lg bg-brand-600 px-4 py-3 text-base font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? t("signing") : t("sign")}
      </button>
    </form>
  );
}

/** `optional` is the word saying so, in the reader's language. */
function Label({ htmlFor, optional, children }: { htmlFor: string; optional?: string; children: React.ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="block text-sm font-medium text-stone-900">
      {children}
      {optional ? <span className="font-normal text-stone-500"> ({optional})</span> : null}
    </label>
  );
}

function FieldError({ name, errors }: { name: string; errors: FieldErrors }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p id={`sign-${name}-error`} className="mt-1 text-sm text-red-700">
      {messages[0]}
    </p>
  );
}

function TextField({
  label,
  hint,
  optional,
  optionalLabel,
  errors,
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  hint?: string;
  optional?: boolean;
  optionalLabel: string;
  errors: FieldErrors;
  name: string;
  id: string;
}) {
  const hintId = hint ? `${input.id}-hint` : undefined;
  const describedBy = [input["aria-describedby"], hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <Label htmlFor={input.id} optional={optional ? optionalLabel : undefined}>
        {label}
      </Label>
      <input
        type="text"
        {...input}
        aria-describedby={describedBy}
        className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-2.5 text-base aria-invalid:border-red-600 sm:text-sm"
      />
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      <FieldError name={input.name} errors={errors} />
    </div>
  );
}

function CheckField({ name, errors, children }: { name: string; errors: FieldErrors; children: React.ReactNode }) {
  const id = `sign-${name}`;
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          type="checkbox"
          id={id}
          name={name}
          aria-invalid={errors[name] ? true : undefined}
          aria-describedby={errors[name] ? `${id}-error` : undefined}
          className="mt-0.5 size-5 shrink-0 accent-brand-600"
        />
        <label htmlFor={id} className="text-sm text-stone-800">
          {children}
        </label>
      </div>
      <FieldError name={name} errors={errors} />
    </div>
  );
}
