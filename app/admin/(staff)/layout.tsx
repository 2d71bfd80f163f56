import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { signOut } from "@/lib/auth/auth";
import { can } from "@/lib/auth/roles";
import { requireStaffPage } from "@/lib/auth/require-staff";
import { MAIL_PERMISSION } from "@/lib/email/mail-permission";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { default: "Moderation", template: "%s · Moderation" }, robots: { index: false } };

// Every page below checks the role itself too: this layout is the first check, not the only one.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaffPage("moderate");
  const links = [
    { href: "/admin/queue", label: "Review queue" },
    { href: "/admin/letters", label: "Letters" },
    ...(can(staff.role, "manage_people") ? [{ href: "/admin/people", label: "People" }] : []),
    ...(can(staff.role, "read_audit") ? [{ href: "/admin/audit", label: "Audit log" }] : []),
    ...(can(staff.role, "manage_blocks") ? [{ href: "/admin/blocks", label: "Blocks" }] : []),
    ...(can(staff.role, MAIL_PERMISSION) ? [{ href: "/admin/mail", label: "Mail" }] : []),
    ...(can(staff.role, "manage_webhooks") ? [{ href: "/admin/webhooks", label: "Webhooks" }] : []),
  ];
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
      <div className="flex flex-wrap items-center justify-between gap-3 border-b border-stone-200 pb-4">
        <nav aria-label="Moderation" className="flex flex-wrap gap-1 text-sm">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className="rounded-md px-3 py-1.5 font-medium text-stone-700 hover:bg-stone-100">
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="flex min-w-0 flex-wrap items-center gap-3 text-sm text-stone-600">
          <span className="min-w-0 break-all">
            {staff.email} · <span className="font-medium">{staff.role}</span>
          </span>
          <form
            action={async () => {
              "use server";
              await signOut({ redirectTo: "/admin/sign-in" });
            }}
          >
            <button type="submit" className="rounded-md border border-stone-300 px-3 py-1.5 font-medium hover:bg-stone-50">
              Sign out
            </button>
          </form>
        </div>
      </div>
      <div className="pt-6">{children}</div>
    </div>
  );
}
