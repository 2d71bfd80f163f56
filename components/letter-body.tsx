import Markdown from "react-markdown";

// Letter bodies are Markdown. react-markdown builds React elements and ignores raw
// HTML, and its URL transform drops javascript: and other unsafe links, so a letter's
// text can never inject script into the page.
export function LetterBody({ markdown }: { markdown: string }) {
  return (
    <div className="prose prose-stone max-w-none font-serif prose-headings:font-sans prose-headings:tracking-tight prose-h2:mt-10 prose-h2:text-xl prose-p:leading-relaxed prose-a:text-brand-700 sm:prose-lg">
      <Markdown>{markdown}</Markdown>
    </div>
  );
}
