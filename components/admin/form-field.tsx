import type { ReactNode } from "react";
import type { FieldErrors } from "@/lib/validation/signature";

// Labelled admin form fields whose error is tied to the control by aria-describedby.

export const inputClass =
  "mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600 sm:text-sm";

export function fieldProps(prefix: string, name: string, errors: FieldErrors, hint?: boolean) {
  const describedBy = [errors[name] ? `${prefix}-${name}-error` : null, hint ? `${prefix}-${name}-hint` : null].filter(Boolean);
  return {
    name,
    id: `${prefix}-${name}`,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": describedBy.length ? describedBy.join(" ") : undefined,
  };
}

export function Field({
  prefix,
  name,
  label,
  hint,
  optional,
  errors,
  children,
}: {
  prefix: string;
  name: string;
  label: string;
  hint?: ReactNode;
  optional?: boolean;
  errors: FieldErrors;
  children: ReactNode;
}) {
  return (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="block text-sm font-medium text-stone-900">
        {label}
        {optional ? <span className="font-normal text-stone-500"> (optional)</span> : null}
      </label>
      {children}
      {errors[name]?.length ? (
        <p id={`${prefix}-${name}-error`} className="mt-1 text-sm text-red-700">
          {errors[name]![0]}
        </p>
      ) : null}
      {hint ? (
        <p id={`${prefix}-${name}-hint`} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
