import "server-only";
import { db } from "../db";
import { emailHash } from "./email-hash";
import { signerData, type SignerData } from "./signer-data";

/** `npm run data:export`: the operator's copy of what /my-data/{token} downloads, audited without the address. */
export async function exportSignerData({ emailCanonical }: { emailCanonical: string }): Promise<SignerData> {
  const data = await signerData({ emailCanonical });
  await db.auditLog.create({
    data: {
      actorId: null,
      actorEmail: "operator",
      action: "data.export",
      targetType: "email",
      detail: JSON.stringify({ emailHash: emailHash(emailCanonical), signatures: data.signatures.length, emails: data.emails.length }),
    },
  });
  return data;
}
