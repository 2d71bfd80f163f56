import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";

export default function InvalidLink() {
  return (
    <NoticeCard icon="?" title="This link is not valid">
      <p>
        We could not find this confirmation link. It may have been cut short when it was copied, or it may be from
        a message that was not sent by us.
      </p>
      <p>
        <Link href="/" className="font-medium text-brand-700 hover:underline">
          Find the letter and sign again
        </Link>{" "}
        to get a new link.
      </p>
    </NoticeCard>
  );
}
