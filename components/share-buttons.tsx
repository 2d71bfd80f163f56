"use client";

import { useState } from "react";

/** The share links' words, in the reader's language: `text` is what a share carries before the link. */
export interface ShareWords {
  text: string;
  listLabel: string;
  email: string;
  copyLink: string;
  linkCopied: string;
  linkCopiedAnnounce: string;
}

// The share links and copy button (components/share-links.tsx gives their words).
export function ShareButtons({ url, title, words }: { url: string; title: string; words: ShareWords }) {
  const [copied, setCopied] = useState(false);
  const { text } = words;
  const e = encodeURIComponent;
  const links = [
    { label: words.email, href: `mailto:?subject=${e(title)}&body=${e(`${text} ${url}`)}` },
    { label: "X", href: `https://x.com/intent/post?text=${e(text)}&url=${e(url)}` },
    { label: "Bluesky", href: `https://bsky.app/intent/compose?text=${e(`${text} ${url}`)}` },
    { label: "Mastodon", href: `https://mastodonshare.com/?text=${e(text)}&url=${e(url)}` },
    { label: "LinkedIn", href: `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}` },
    { label: "WhatsApp", href: `https://wa.me/?text=${e(`${text} ${url}`)}` },
  ];
  const button =
    "inline-flex items-center rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm font-medium text-stone-800 hover:border-stone-400 hover:bg-stone-50";
  return (
    <div>
      <ul className="flex flex-wrap gap-2" aria-label={words.listLabel}>
        {links.map((link) => (
          <li key={link.label}>
            <a href={link.href} target="_blank" rel="noopener noreferrer" className={button}>
              {link.label}
            </a>
          </li>
        ))}
        <li>
          <button
            type="button"
            className={button}
            onClick={async () => {
              await navigator.clipboard?.writeText(url).catch(() => undefined);
              setCopied(true);
              setTimeout(() => setCopied(false), 2500);
            }}
          >
            {copied ? words.linkCopied : words.copyLink}
          </button>
        </li>
      </ul>
      <p aria-live="polite" className="sr-only">
        {copied ? words.linkCopiedAnnounce : ""}
      </p>
    </div>
  );
}
