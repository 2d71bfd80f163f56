// For operator scripts run outside Next.js: `import "server-only"` guards lib modules
// inside Next's bundles; here it resolves to an empty module.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,export {};", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
