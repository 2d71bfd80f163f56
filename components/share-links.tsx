import { getTranslations } from "next-intl/server";
import { ShareButtons } from "./share-buttons";

/**
 * Plain share links (no third-party scripts or trackers on our pages) and a copy button,
 * in the reader's language: the text a share carries too ("I signed …"), since whoever
 * shares writes to people who most likely read what they read.
 */
export async function ShareLinks({ url, title }: { url: string; title: string }) {
  const t = await getTranslations("letter");
  return (
    <ShareButtons
      url={url}
      title={title}
      words={{
        text: t("shareText", { title }),
        listLabel: t("share"),
        email: t("shareEmail"),
        copyLink: t("copyLink"),
        linkCopied: t("linkCopied"),
        linkCopiedAnnounce: t("linkCopiedAnnounce"),
      }}
    />
  );
}
