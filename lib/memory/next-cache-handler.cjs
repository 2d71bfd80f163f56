// Next's cache of rendered pages and data (next.config.ts `cacheHandler`): Next's own
// file-system cache, which keeps its entries per process, with one addition: it lets
// lib/memory/letter-changed.ts expire tags in this process when a change comes from
// another one (see Next's self-hosting guide: with several instances, each one's cache
// must hear of a revalidation). Plain CommonJS: Next loads it outside the bundles, and it
// finds the app's code through the process memory room (lib/memory/process-memory.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS: Next loads this file outside the bundles
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;

module.exports = class LetterCache extends FileSystemCache {
  constructor(options) {
    super(options);
    const room = (globalThis.openLetters ??= new Map());
    // Tag expiry is kept per process, shared by every instance of this class.
    room.set("next.expireTags", (tags) => this.revalidateTag(tags));
  }
};
