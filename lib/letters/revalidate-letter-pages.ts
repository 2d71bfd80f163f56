import "server-only";
import { revalidatePath } from "next/cache";
import { forgetPages } from "../http/page-cache";

/** After a change readers must see at once: Next's cached letter pages, and the copies in memory. */
export function revalidateLetterPages(): void {
  revalidatePath("/letters/[slug]", "page");
  forgetPages();
}
