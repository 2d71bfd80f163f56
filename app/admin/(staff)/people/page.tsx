import type { Metadata } from "next";
import { AddPersonForm } from "@/components/admin/add-person-form";
import { PersonActions } from "@/components/admin/person-actions";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { listPeople } from "@/lib/people/list-people";
import { addPersonAction, changeRoleAction, setDisabledAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "People" };

export default async function PeoplePage() {
  const staff = await requireStaffPage("manage_people");
  const people = await listPeople();
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-stone-900">People</h1>
        <p className="mt-1 text-sm text-stone-600">
          Who may sign in to moderate. Admins do everything; moderators review, moderate and export.
        </p>
      </div>

      <section aria-labelledby="add-heading" className="rounded-xl border border-stone-200 bg-white p-5 shadow-sm">
        <h2 id="add-heading" className="font-semibold text-stone-900">Add a person</h2>
        <p className="mt-1 text-sm text-stone-600">They sign in with a link sent to this address.</p>
        <div className="mt-4"><AddPersonForm action={addPersonAction} /></div>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading" className="font-semibold text-stone-900">Everyone with access</h2>
        <ul className="mt-3 divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white shadow-sm">
          {people.map((person) => (
            <li key={person.email} className="grid gap-3 p-4 md:grid-cols-[minmax(0,1fr)_auto] md:items-center" data-testid={`person-${person.email}`}>
              <div className="min-w-0">
                <p className="flex flex-wrap items-center gap-2">
                  <span className="truncate font-medium text-stone-900">{person.email}</span>
                  <span className="rounded-full bg-stone-100 px-2 py-0.5 text-xs font-medium text-stone-700">{person.role}</span>
                  {person.disabled ? <span className="rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800">disabled</span> : null}
                  {person.id === staff.id ? <span className="text-xs text-stone-500">(you)</span> : null}
                </p>
                <p className="mt-0.5 text-xs text-stone-500">
                  {person.fromEnv ? "from ADMIN_EMAILS: always an admin; change it in the server's configuration" : `added by ${person.addedBy ?? "the operator"}`}
                </p>
              </div>
              {person.id && !person.fromEnv && person.id !== staff.id ? (
                <PersonActions userId={person.id} email={person.email} role={person.role} disabled={person.disabled}
                  changeRole={changeRoleAction} setDisabled={setDisabledAction} />
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
