// Solves a proof-of-work challenge off the main thread, so typing never waits for it:
// altcha-lib's worker loop with the browser's own PBKDF2 (Web Crypto).
import { deriveKey } from "altcha-lib/algorithms/web/pbkdf2";
import { handler } from "altcha-lib/workers/shared";

handler({ deriveKey });
