import type { WebhookEvent } from "@/lib/webhooks/payloads";
import type { FieldErrors } from "@/lib/validation/signature";
import { Field, fieldProps, inputClass } from "./form-field";

// The fields an endpoint's two forms share (register, and change): which letter, which
// events, whether personal data goes out, and a note.

export const EVENT_LABEL: Record<WebhookEvent, { title: string; about: string }> = {
  "signature.confirmed": { title: "Signature confirmed", about: "A signer confirmed their email address." },
  "organization.approved": { title: "Organisation approved", about: "A moderator approved an organisation's signature." },
  "signature.withdrawn": { title: "Signature withdrawn", about: "A signer withdrew a signature that counted." },
  "milestone.reached": { title: "Milestone reached", about: "A letter's total reached a round number or its goal." },
};

export interface LetterChoice {
  id: string;
  title: string;
  status: string;
}

export function WebhookFields({
  prefix,
  errors,
  letters,
  defaults,
}: {
  prefix: string;
  errors: FieldErrors;
  letters: LetterChoice[];
  defaults: { letterId: string | null; events: WebhookEvent[]; personalData: boolean; description: string };
}) {
  const eventsError = errors.events?.[0];
  return (
    <>
      <Field prefix={prefix} name="letterId" label="Letter" errors={errors}>
        <select {...fieldProps(prefix, "letterId", errors)} defaultValue={defaults.letterId ?? "all"} className={inputClass}>
          <option value="all">All letters</option>
          {letters.map((letter) => (
            <option key={letter.id} value={letter.id}>
              {letter.title}
              {letter.status === "draft" ? " (draft)" : ""}
            </option>
          ))}
        </select>
      </Field>
      <fieldset aria-describedby={eventsError ? `${prefix}-events-error` : undefined}>
        <legend className="text-sm font-medium text-stone-900">Events</legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {(Object.keys(EVENT_LABEL) as WebhookEvent[]).map((event) => (
            <label key={event} className="flex items-start gap-2 rounded-lg border border-stone-200 p-2.5 text-sm">
              <input type="checkbox" name="events" value={event} defaultChecked={defaults.events.includes(event)}
                aria-invalid={eventsError ? true : undefined} className="mt-0.5 size-4 shrink-0" />
              <span>
                <span className="font-medium text-stone-900">{EVENT_LABEL[event].title}</span>{" "}
                <code className="text-xs text-stone-600">{event}</code>
                <span className="block text-stone-600">{EVENT_LABEL[event].about}</span>
              </span>
            </label>
          ))}
        </div>
        {eventsError ? <p id={`${prefix}-events-error`} className="mt-1 text-sm text-red-700">{eventsError}</p> : null}
      </fieldset>
      <div className="rounded-lg border border-amber-300 bg-amber-50 p-3">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="personalData" defaultChecked={defaults.personalData} className="mt-0.5 size-4 shrink-0"
            aria-describedby={`${prefix}-personalData-hint`} />
          <span className="font-medium text-stone-900">Send personal data: signers’ email addresses, organisations’ contact people, and the names of signers who chose not to be listed</span>
        </label>
        <p id={`${prefix}-personalData-hint`} className="mt-1 ps-6 text-sm text-stone-700">
          Only for a system your organisation runs and may keep signers’ data in, such as its own CRM. Left unticked, a
          webhook carries no email address, and names only the signers the site lists publicly.
        </p>
      </div>
      <Field prefix={prefix} name="description" label="Note" optional errors={errors} hint="For other admins: what receives these webhooks.">
        <input {...fieldProps(prefix, "description", errors, true)} defaultValue={defaults.description} autoComplete="off" className={inputClass} />
      </Field>
    </>
  );
}
