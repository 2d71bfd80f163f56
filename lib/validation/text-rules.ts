// Rules for text a signer types that may be shown to others or exported.

// C0/C1 control characters, and the bidirectional overrides that can disguise text.
// Also the invisible ones: zero-width characters, direction marks, line separators, BOM.
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;
const CONTROL_EXCEPT_NEWLINES =
  /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069\uFEFF]/;
// A cell starting with one of these is read as a formula by spreadsheets.
const FORMULA_START = /^[=+\-@]/;
// Something a link could be made of: a scheme, "www.", or a host with a common TLD.
const URL_LIKE =
  /([a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]{2,}\.(com|net|org|info|biz|io|co|ru|cn|xyz|top|me|app|dev|site|online|link|click|shop|ly|gg|tk)\b)/i;

export const hasControlCharacters = (value: string) => CONTROL.test(value);
export const hasControlCharactersExceptNewlines = (value: string) => CONTROL_EXCEPT_NEWLINES.test(value);
export const startsLikeFormula = (value: string) => FORMULA_START.test(value);
export const containsUrl = (value: string) => URL_LIKE.test(value);
