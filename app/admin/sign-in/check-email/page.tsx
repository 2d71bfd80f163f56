import type { Metadata } from "next";
import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";

export const metadata: Metadata = { title: "Check your email", robots: { index: false } };

export default function AdminCheckEmail() {
  return (
    <NoticeCard icon="✉" title="Check your email">
      <p>
        If this address may sign in, a link is on its way. It works once, for 15 minutes. Nothing arriving? Check the
        spam folder, or ask an admin to add your address.
      </p>
      <p>
        <Link href="/admin/sign-in" className="font-medium text-brand-700 hover:underline">
          Use another address
        </Link>
      </p>
    </NoticeCard>
  );
}
