import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";

export default function NotFound() {
  return (
    <NoticeCard icon="?" title="Page not found">
      <p>There is nothing at this address. The letter may have moved, or the link may be incomplete.</p>
      <p>
        <Link href="/" className="font-medium text-brand-700 hover:underline">
          See all letters
        </Link>
      </p>
    </NoticeCard>
  );
}
