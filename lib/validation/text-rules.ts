import type { z } from "zod";
import { messageKey } from "./message-keys";

// Rules for text a signer types that may be shown to others or exported.
//
// Hidden characters: text may carry characters that show nothing, or change how the
// characters around them show, so that a name reads as something it is not ("Ada
// \u202Eecalevol" shows as "Ada lovelace"), looks blank, or hides data. Unicode lists
// them as Default_Ignorable_Code_Point (zero-width spaces, direction marks and isolates,
// Hangul fillers, tag characters, variation selectors) and Bidi_Control; with the
// control characters, the interlinear annotation marks and halves of broken UTF-16 pairs
// they are all refused, with three exceptions that real writing needs:
// - a zero-width non-joiner or joiner between two letters of a script that uses them to
//   choose a letter's shape (Persian "می‌خواهم", Hindi "क्‍ष"), or a joiner between two
//   emoji of one sequence (👩‍💻);
// - an emoji presentation selector (U+FE0E, U+FE0F) right after an emoji (❤️);
// - a Mongolian variation selector right after a Mongolian letter.

const CONTROL = /[\p{Cc}\u2028\u2029]/u;
const BIDI = /\p{Bidi_Control}/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const HANGUL_FILLER = /[\u115F\u1160\u3164\uFFA0]/u;
const TAG = /[\u{E0000}-\u{E007F}]/u;
const VARIATION_SELECTOR = /[\u180B-\u180D\u180F\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/u;
// Interlinear annotation marks: formatting that hides the text between them, though
// Unicode does not list them as ignorable.
const ANNOTATION = /[\uFFF9-\uFFFB]/u;
// Half of a UTF-16 pair without the other: no character at all, and no database takes it.
const LONE_SURROGATE = /\p{Cs}/u;

// The scripts whose letters join or conjoin, where ZWNJ and ZWJ choose a shape.
const JOINING_SCRIPT_LETTER = new RegExp(
  `^(?=[\\p{L}\\p{M}])[${["Arab", "Syrc", "Nkoo", "Thaa", "Mong", "Deva", "Beng", "Guru", "Gujr", "Orya", "Taml", "Telu", "Knda", "Mlym", "Sinh", "Mymr", "Khmr"]
    .map((script) => `\\p{scx=${script}}`)
    .join("")}]$`,
  "u",
);
const JOINING_SCRIPT_MARK = /^\p{M}$/u;
const EMOJI = /^\p{Emoji}$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const MONGOLIAN_LETTER = /^(?=\p{L})\p{scx=Mong}$/u;

/**
 * A joiner or non-joiner between two letters of a joining script, or after one of its
 * vowel signs or viramas (Malayalam's "ന്‍" ends a word with one).
 */
function joinsHere(before: string, after: string): boolean {
  return JOINING_SCRIPT_LETTER.test(before) && (JOINING_SCRIPT_MARK.test(before) || JOINING_SCRIPT_LETTER.test(after));
}

/** Whether an ignorable character at `i` is one that real writing needs there. */
function neededHere(characters: string[], i: number): boolean {
  const [before, character, after] = [characters[i - 1] ?? "", characters[i], characters[i + 1] ?? ""];
  switch (character) {
    case "\u200C":
      return joinsHere(before, after);
    case "\u200D":
      return joinsHere(before, after) || (EMOJI_PART.test(before) && PICTOGRAPH.test(after));
    case "\uFE0E":
    case "\uFE0F":
      return EMOJI.test(before);
    case "\u180B":
    case "\u180C":
    case "\u180D":
    case "\u180F":
      return MONGOLIAN_LETTER.test(before);
    default:
      return false;
  }
}

const hex = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

/** The kinds of hidden character, by key (messages' "validation.hidden"), in English. */
const HIDDEN_KINDS = {
  broken: "a broken character (half of an encoded pair)",
  control: "a control character",
  direction: "an invisible text-direction mark",
  hangulFiller: "a blank Hangul filler",
  tag: "an invisible tag character",
  variationSelector: "an invisible variation selector",
  zeroWidth: "an invisible zero-width character",
  annotation: "an invisible annotation mark",
  formatting: "an invisible formatting character",
} as const;
type HiddenKind = keyof typeof HIDDEN_KINDS;

function hiddenKind(character: string): HiddenKind {
  if (LONE_SURROGATE.test(character)) return "broken";
  if (CONTROL.test(character)) return "control";
  if (BIDI.test(character)) return "direction";
  if (HANGUL_FILLER.test(character)) return "hangulFiller";
  if (TAG.test(character)) return "tag";
  if (VARIATION_SELECTOR.test(character)) return "variationSelector";
  if (ZERO_WIDTH.test(character)) return "zeroWidth";
  if (ANNOTATION.test(character)) return "annotation";
  return "formatting";
}

/** What the character is, in plain words, with its code point for anyone who needs to find it. */
function describe(character: string): string {
  return `${HIDDEN_KINDS[hiddenKind(character)]} (${hex(character)})`;
}

/**
 * The first hidden character in `value` described in plain words ("an invisible
 * text-direction mark (U+202E)"), or null when there is none. Line breaks are allowed
 * where `newlines` says so (a comment).
 */
export function hiddenCharacter(value: string, { newlines = false }: { newlines?: boolean } = {}): string | null {
  const found = firstHiddenCharacter(value, newlines);
  return found === null ? null : describe(found);
}

function firstHiddenCharacter(value: string, newlines: boolean): string | null {
  const characters = Array.from(value);
  for (let i = 0; i < characters.length; i++) {
    const character = characters[i];
    if (newlines && (character === "\n" || character === "\r")) continue;
    if ([LONE_SURROGATE, CONTROL, BIDI, HANGUL_FILLER, ANNOTATION].some((rule) => rule.test(character))) return character;
    if (IGNORABLE.test(character) && !neededHere(characters, i)) return character;
  }
  return null;
}

/**
 * A zod check refusing hidden characters, naming the first one found. It stops the
 * field's other checks: once the text is not what it looks like, they would only add noise.
 */
export function noHiddenCharacters(label: string, { newlines = false, keyed = false }: { newlines?: boolean; keyed?: boolean } = {}) {
  return (value: string, context: z.RefinementCtx) => {
    const found = firstHiddenCharacter(value, newlines);
    if (found === null) return;
    // keyed: `label` is a field's key and the message a key, for a schema translated at its edges
    const message = keyed
      ? messageKey("hiddenCharacter", { field: label, kind: hiddenKind(found), code: hex(found) })
      : `${label} contains ${describe(found)}, which is not allowed.`;
    context.addIssue({ code: "custom", message, continue: false });
  };
}

// A name needs something to read: a letter or a digit in any script.
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
// A cell starting with one of these is read as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@]/;
// Something a link could be made of: a scheme, "www.", or a host with a common TLD.
const URL_LIKE =
  /([a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]{2,}\.(com|net|org|info|biz|io|co|ru|cn|xyz|top|me|app|dev|site|online|link|click|shop|ly|gg|tk)\b)/i;

export const hasControlCharacters = (value: string) => hiddenCharacter(value) !== null;
export const hasControlCharactersExceptNewlines = (value: string) => hiddenCharacter(value, { newlines: true }) !== null;
export const hasLetterOrDigit = (value: string) => Array.from(value).some((c) => LETTER_OR_DIGIT.test(c) && !HANGUL_FILLER.test(c));
export const startsLikeFormula = (value: string) => FORMULA_START.test(value);
export const containsUrl = (value: string) => URL_LIKE.test(value);
