"use client";

import { useActionState } from "react";
import type { PeopleFormState } from "@/app/admin/(staff)/people/actions";

type Action = (state: PeopleFormState, form: FormData) => Promise<PeopleFormState>;

const button = "rounded-md border border-stone-300 px-2.5 py-1 text-sm font-medium hover:bg-stone-50 disabled:opacity-60";

/** Role and access controls for one person, each a small form posting to its own action. */
export function PersonActions({
  userId, email, role, disabled, changeRole, setDisabled,
}: { userId: string; email: string; role: string; disabled: boolean; changeRole: Action; setDisabled: Action }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRole, null);
  const [accessState, accessAction, accessPending] = useActionState(setDisabled, null);
  const message = [roleState, accessState].find((s) => s && !s.ok);
  const other = role === "admin" ? "moderator" : "admin";
  return (
    <div className="flex flex-wrap items-center gap-2 md:justify-end">
      <form action={roleAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="role" value={other} />
        <button type="submit" disabled={rolePending} className={button} aria-label={`Make ${other}: ${email}`}>
          Make {other}
        </button>
      </form>
      <form action={accessAction}>
        <input type="hidden" name="userId" value={userId} />
        <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
        <button type="submit" disabled={accessPending} className={button} aria-label={`${disabled ? "Enable" : "Disable"} ${email}`}>
          {disabled ? "Enable" : "Disable"}
        </button>
      </form>
      {message && !message.ok ? <p role="alert" className="w-full text-sm text-red-700 md:text-right">{message.error}</p> : null}
    </div>
  );
}
