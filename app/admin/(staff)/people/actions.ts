"use server";

import { revalidatePath } from "next/cache";
import { requireStaff, type Staff } from "@/lib/auth/require-staff";
import { AppError } from "@/lib/http/app-error";
import { addPerson } from "@/lib/people/add-person";
import { changeRole } from "@/lib/people/change-role";
import { setPersonDisabled } from "@/lib/people/set-person-disabled";
import { disableSchema, personInputSchema, roleChangeSchema } from "@/lib/validation/person";
import { signatureFieldErrors, type FieldErrors } from "@/lib/validation/signature";

export type PeopleFormState = { ok: true; message: string } | { ok: false; error: string; fields: FieldErrors } | null;

const entries = (form: FormData) => Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"));

export async function addPersonAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  return run(async (actor) => {
    const parsed = personInputSchema.safeParse(entries(form));
    if (!parsed.success) return { ok: false, error: "Some fields need fixing.", fields: signatureFieldErrors(parsed.error) };
    await addPerson({ actor, input: parsed.data });
    return { ok: true, message: `Added ${parsed.data.email} as ${parsed.data.role}.` };
  });
}

export async function changeRoleAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  return run(async (actor) => {
    const { userId, role } = roleChangeSchema.parse(entries(form));
    await changeRole({ actor, userId, role });
    return { ok: true, message: `Role changed to ${role}.` };
  });
}

export async function setDisabledAction(_previous: PeopleFormState, form: FormData): Promise<PeopleFormState> {
  return run(async (actor) => {
    const { userId, disabled } = disableSchema.parse(entries(form));
    await setPersonDisabled({ actor, userId, disabled });
    return { ok: true, message: disabled ? "Disabled: signed out and cannot sign in." : "Enabled again." };
  });
}

// Every action checks the role itself: the page's check does not protect a direct POST.
async function run(work: (actor: Staff) => Promise<PeopleFormState>): Promise<PeopleFormState> {
  try {
    const result = await work(await requireStaff("manage_people"));
    if (result?.ok) revalidatePath("/admin/people");
    return result;
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.message, fields: error.fields ?? {} };
    console.error("changing people failed", error);
    return { ok: false, error: "Something went wrong on our side. Please try again.", fields: {} };
  }
}
