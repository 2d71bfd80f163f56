import { ACTION_LABEL, MODERATION_ACTIONS } from "@/lib/moderation/transitions";

/** The action picker and reason box shared by the selection and bulk forms. */
export function ActionAndReason({ actionLabel }: { actionLabel: string }) {
  return (
    <>
      <label className="flex flex-col gap-1">
        <span className="font-medium">{actionLabel}</span>
        <select name="action" required defaultValue="" className="rounded-md border border-stone-300 bg-white px-2 py-1.5">
          <option value="" disabled>
            Choose an action
          </option>
          {MODERATION_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ACTION_LABEL[a]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex min-w-56 flex-1 flex-col gap-1">
        <span className="font-medium">Reason</span>
        <input name="reason" maxLength={500} className="rounded-md border border-stone-300 bg-white px-2 py-1.5" />
      </label>
    </>
  );
}
