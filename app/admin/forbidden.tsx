import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";

export default function Forbidden() {
  return (
    <NoticeCard icon="⛔" title="Not allowed">
      <p>Your role does not give access to this page.</p>
      <p>
        <Link href="/admin" className="font-medium text-brand-700 hover:underline">
          Back to moderation
        </Link>
      </p>
    </NoticeCard>
  );
}
