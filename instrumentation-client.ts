import { z } from "zod";

// Runs in the browser before the app's own code. zod compiles its object parsers with
// `new Function` where it can, and finds out whether it can by trying, which the site's
// Content-Security-Policy (no 'unsafe-eval', next.config.ts) reports as a violation on
// every page with a form. In the browser it parses a form at a time; the interpreted
// parser is plenty, and nothing is tried. (The server keeps the compiled parsers.)
z.config({ jitless: true });
