import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NoticeCard } from "@/components/notice-card";
import { currentStaff } from "@/lib/auth/require-staff";
import { SignInForm } from "./sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  if (await currentStaff()) redirect("/admin");
  const { error } = await searchParams;
  return (
    <NoticeCard icon="🔑" title="Sign in to moderate">
      <p>Moderators and admins sign in with a link sent by email. The link works once, for 15 minutes.</p>
      {error ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          {error === "invalid_email"
            ? "Enter a valid email address, like name@example.org, of at most 254 characters."
            : "That sign-in link cannot be used: it may have expired or been used already. Ask for a new one."}
        </p>
      ) : null}
      <SignInForm />
    </NoticeCard>
  );
}
