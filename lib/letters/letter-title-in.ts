import "server-only";
import { publishedTranslation } from "./published-translations";

/** A letter's title in `language` where a published translation has one, else the original's (from memory). */
export async function letterTitleIn({ letter, language }: { letter: { id: string; title: string }; language: string }): Promise<string> {
  return (await publishedTranslation(letter.id, language))?.title ?? letter.title;
}
