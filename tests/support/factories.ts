import crypto from "node:crypto";
import { db } from "@/lib/db";
import { letterCounts } from "@/lib/counts/letter-counts";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { signLetter } from "@/lib/signatures/sign-letter";
import type { SignatureInput } from "@/lib/validation/signature";

// Test data of its own for each test: a fresh letter, and signers with unique addresses.

export async function createLetter(overrides: Partial<{ status: string; autoApproveMatchingDomain: boolean; allowIndividuals: boolean; allowOrganizations: boolean }> = {}) {
  const slug = `test-letter-${crypto.randomUUID().slice(0, 8)}`;
  return db.letter.create({
    data: {
      slug,
      title: `Test letter ${slug}`,
      summary: "A letter made for a test.",
      body: "## Test\n\nSynthetic text for a test.",
      status: "open",
      publishedAt: new Date(),
      ...overrides,
    },
  });
}

export function individual(overrides: Partial<SignatureInput> = {}): SignatureInput {
  return {
    kind: "individual",
    name: "Test Signer",
    email: `signer-${crypto.randomUUID().slice(0, 8)}@example.org`,
    country: "FR",
    listPublicly: true,
    consent: true,
    ...overrides,
  } as SignatureInput;
}

export function organization(overrides: Partial<Extract<SignatureInput, { kind: "organization" }>> = {}): SignatureInput {
  const id = crypto.randomUUID().slice(0, 8);
  return {
    kind: "organization",
    name: "Test Contact",
    email: `contact@org-${id}.example`,
    country: "DE",
    organizationName: `Synthetic Org ${id}`,
    website: `https://www.org-${id}.example`,
    listPublicly: true,
    consent: true,
    ...overrides,
  };
}

/** The token in the newest confirmation email to an address, read from the outbox. */
export async function latestConfirmToken(to: string): Promise<string> {
  const mail = await db.outboxEmail.findFirst({
    where: { to, template: "signature-confirm" },
    orderBy: { createdAt: "desc" },
  });
  const token = mail?.text.match(/\/verify\/([A-Za-z0-9_-]{43})/)?.[1];
  if (!token) throw new Error(`no confirmation email to ${to}`);
  return token;
}

/** Signs a letter and confirms by the emailed link, as a signer would. */
export async function signAndConfirm(letter: { slug: string }, input: SignatureInput) {
  await signLetter({ slug: letter.slug, input });
  return confirmSignature({ token: await latestConfirmToken(input.email) });
}

/** The letter's counts as a reader sees them now (this process's cached copy forgotten). */
export function countsOf(letter: { id: string; createdAt: Date }) {
  forgetLetter({ what: "counts" });
  return letterCounts(letter.id, letter.createdAt);
}
