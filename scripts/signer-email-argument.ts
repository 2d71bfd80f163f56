// The one argument of `npm run data:export` and `npm run data:erase`: a signer's address,
// checked with the sign form's own schema. A bad one stops the command (exit 1).
import { dataRequestSchema } from "../lib/validation/data-request";
import { translateMessage } from "../lib/validation/message-keys";

export function signerEmailArgument(command: string): string {
  const args = process.argv.slice(2);
  const parsed = dataRequestSchema.safeParse({ email: args[0] ?? "" });
  if (args.length !== 1 || !parsed.success) {
    console.error(parsed.success ? "Give exactly one email address." : `email: ${translateMessage(parsed.error.issues[0].message)}`);
    console.error(`usage: npm run ${command} -- <email>`);
    process.exit(1);
  }
  return parsed.data.email;
}
