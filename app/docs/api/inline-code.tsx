// The document's descriptions mark code with backticks, as Markdown does; this page
// shows those parts as code and the rest as text.
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split(/(`[^`]+`)/).map((part, i) =>
        part.startsWith("`") && part.endsWith("`") && part.length > 1 ? (
          <code key={i} className="rounded bg-stone-100 px-1 py-0.5 text-[0.9em] text-stone-900">
            {part.slice(1, -1)}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
