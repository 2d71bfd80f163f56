import Link from "next/link";
import { NoticeCard } from "@/components/notice-card";

export default function UnknownWithdrawalLink() {
  return (
    <NoticeCard icon="?" title="This link is not valid">
      <p>
        We could not find this withdrawal link. It may have been cut short when it was copied, or it may be from a
        message that was not sent by us.
      </p>
      <p>
        Copy the whole link from the email again, or{" "}
        <Link href="/my-data" className="font-medium text-brand-700 underline-offset-2 hover:underline">
          ask for a link to all your signatures
        </Link>{" "}
        and withdraw from there.
      </p>
    </NoticeCard>
  );
}
