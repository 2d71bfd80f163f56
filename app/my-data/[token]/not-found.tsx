import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";

export default function UnknownDataLink() {
  return (
    <NoticeCard icon="?" title="This link is not valid">
      <p>
        We could not find this link. It may have been cut short when it was copied, or everything it showed has been
        erased since.
      </p>
      <p>
        <Link href="/my-data" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          Ask for a new link
        </Link>{" "}
        to see your data.
      </p>
    </NoticeCard>
  );
}
