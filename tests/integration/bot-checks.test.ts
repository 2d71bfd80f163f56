import { solveChallenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/pbkdf2";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getChallenge } from "@/app/api/letters/[slug]/challenge/route";
import { POST as postSignature } from "@/app/api/letters/[slug]/signatures/route";
import { configureDatabase, db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { failsBotChecks, MIN_FILL_MS, type SigningChecks } from "@/lib/defences/bot-checks";
import type { DefenceSubject } from "@/lib/defences";
import { CHALLENGE_LIFETIME_MS, createProofOfWorkChallenge } from "@/lib/defences/proof-of-work";
import { forgetSigningRates } from "@/lib/defences/signing-rate";
import { getPublicLetter } from "@/lib/letters/get-public-letter";
import { forgetLetter } from "@/lib/memory/letter-changed";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/trusted-proxies.mjs";
import { confirmSignature } from "@/lib/signatures/confirm-signature";
import { countsOf, createLetter, individual, latestConfirmToken } from "../support/factories";

// The honeypot, the fill time and the proof of work, as lib/defences/index.ts asks them:
// each answers with a verdict (a flag and words for moderators) or lets the signing on.

beforeAll(() => configureDatabase());

type Letter = Awaited<ReturnType<typeof createLetter>>;

async function letterWith(proofOfWork: "off" | "on" | "busy", proofOfWorkBusyPerMinute = 120): Promise<Letter> {
  const letter = await createLetter();
  return db.letter.update({ where: { id: letter.id }, data: { proofOfWork, proofOfWorkBusyPerMinute } });
}

async function verdictFor(letter: Letter, checks: SigningChecks) {
  const input = individual();
  const subject: DefenceSubject = {
    letter: (await getPublicLetter({ slug: letter.slug }))!,
    input,
    ip: "203.0.113.20",
    emailCanonical: input.email,
    emailDomain: "example.org",
    checks,
    now: new Date(),
  };
  return failsBotChecks(subject);
}

/** A solved challenge as the sign form sends it: base64 of JSON { challenge, solution }. */
async function proofFor(letter: { id: string }, now?: Date) {
  const challenge = await createProofOfWorkChallenge({ letterId: letter.id, now });
  const solution = await solveChallenge({ challenge, deriveKey });
  return Buffer.from(JSON.stringify({ challenge, solution })).toString("base64");
}

const person = { fillMs: 45_000 };

describe("bot checks: the honeypot and the fill time", () => {
  it("lets a person through: the hidden field empty, the form filled in 45 s", async () => {
    expect(await verdictFor(await letterWith("off"), { ...person, honeypot: "" })).toBeNull();
  });

  it("refuses a signing whose hidden field was filled in, as honeypot", async () => {
    const verdict = await verdictFor(await letterWith("off"), { ...person, honeypot: "REF-2231" });
    expect(verdict).toEqual({ flag: "honeypot", reason: expect.stringContaining("hidden form field") });
  });

  it("refuses a form sent less than the minimum after it was shown, as too_fast", async () => {
    expect(MIN_FILL_MS).toBe(3_000);
    const verdict = await verdictFor(await letterWith("off"), { fillMs: 800 });
    expect(verdict).toEqual({ flag: "too_fast", reason: "The form was sent 0.8 s after it was shown; a person needs at least 3 s." });
    expect(await verdictFor(await letterWith("off"), { fillMs: MIN_FILL_MS })).toBeNull();
  });

  it("does not time a signing that says nothing of its fill time (an API client, a browser without JavaScript)", async () => {
    expect(await verdictFor(await letterWith("off"), {})).toBeNull();
  });
});

describe("bot checks: the proof of work", () => {
  it("asks for nothing on a letter with proof of work off", async () => {
    expect(await verdictFor(await letterWith("off"), person)).toBeNull();
  });

  it("refuses a signing without a proof on a letter with it on", async () => {
    const verdict = await verdictFor(await letterWith("on"), person);
    expect(verdict).toEqual({ flag: "no_proof_of_work", reason: "The letter asks for a proof of work and none came with the signing." });
  });

  it("accepts a solved challenge once and refuses it replayed", async () => {
    const letter = await letterWith("on");
    const proofOfWork = await proofFor(letter);
    expect(await verdictFor(letter, { ...person, proofOfWork })).toBeNull();
    const replayed = await verdictFor(letter, { ...person, proofOfWork });
    expect(replayed).toEqual({ flag: "no_proof_of_work", reason: "The proof of work had already been used for another signing." });
  });

  it("lets only one of two simultaneous signings with the same proof through", async () => {
    const letter = await letterWith("on");
    const proofOfWork = await proofFor(letter);
    const verdicts = await Promise.all([verdictFor(letter, { ...person, proofOfWork }), verdictFor(letter, { ...person, proofOfWork })]);
    expect(verdicts.filter((v) => v === null)).toHaveLength(1);
  });

  it("refuses a wrong answer, a forged challenge, another letter's challenge and garbage as invalid", async () => {
    const letter = await letterWith("on");
    const challenge = await createProofOfWorkChallenge({ letterId: letter.id });
    const solution = (await solveChallenge({ challenge, deriveKey }))!;
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64");
    const wrong = encode({ challenge, solution: { ...solution, counter: solution.counter + 1, derivedKey: "00".repeat(32) } });
    const forged = encode({ challenge: { ...challenge, parameters: { ...challenge.parameters, cost: 1 } }, solution });
    const otherLetter = await proofFor(await letterWith("on"));
    for (const proofOfWork of [wrong, forged, otherLetter, "not base64 json", encode({ challenge: 1 })]) {
      const verdict = await verdictFor(letter, { ...person, proofOfWork });
      expect(verdict?.flag).toBe("no_proof_of_work");
      expect(verdict?.reason).toMatch(/did not check out/);
    }
    // None of them used the real answer up.
    expect(await verdictFor(letter, { ...person, proofOfWork: encode({ challenge, solution }) })).toBeNull();
  });

  it("refuses the answer to an expired challenge", async () => {
    const letter = await letterWith("on");
    const proofOfWork = await proofFor(letter, new Date(Date.now() - CHALLENGE_LIFETIME_MS - 1_000));
    const verdict = await verdictFor(letter, { ...person, proofOfWork });
    expect(verdict).toEqual({ flag: "no_proof_of_work", reason: "The proof of work answered a challenge that had expired." });
  });

  it("in busy mode, asks for a proof only once more signings than the threshold arrived within the minute", async () => {
    const letter = await letterWith("busy", 3);
    const signing = (minutesAgo: number) => ({
      letterId: letter.id, emailCanonical: `s-${Math.random()}@example.org`, kind: "individual", name: "A", email: `s-${Math.random()}@example.org`,
      emailDomain: "example.org", country: "FR", listPublicly: false, consentAt: new Date(), createdAt: new Date(Date.now() - minutesAgo * 60_000),
    });
    await db.signature.createMany({ data: [signing(0), signing(0), signing(0), signing(5), signing(5)] });
    forgetSigningRates();
    expect(await verdictFor(letter, person)).toBeNull(); // three in the last minute: not above 3
    await db.signature.create({ data: signing(0) });
    forgetSigningRates();
    expect((await verdictFor(letter, person))?.flag).toBe("no_proof_of_work");
    expect(await verdictFor(letter, { ...person, proofOfWork: await proofFor(letter) })).toBeNull();
  });
});

describe("GET /api/letters/{slug}/challenge", () => {
  const ask = (slug: string, ip = "198.51.100.40") =>
    getChallenge(new Request(`http://letters.test/api/letters/${slug}/challenge`, { headers: { [CLIENT_ADDRESS_HEADER]: ip } }), {
      params: Promise.resolve({ slug }),
    });

  it("answers a letter with proof of work off: nothing to solve", async () => {
    const response = await ask((await letterWith("off")).slug);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ required: false, challenge: null });
  });

  it("hands out a fresh, signed challenge that expires, never cached", async () => {
    const letter = await letterWith("on");
    forgetLetter({ what: "letter" });
    const response = await ask(letter.slug);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.required).toBe(true);
    expect(body.challenge.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(body.challenge.parameters.expiresAt * 1000).toBeGreaterThan(Date.now());
    const again = await (await ask(letter.slug)).json();
    expect(again.challenge.parameters.nonce).not.toBe(body.challenge.parameters.nonce);
  });

  it("hands out a challenge in busy mode even while it is not required", async () => {
    const body = await (await ask((await letterWith("busy")).slug)).json();
    expect(body).toMatchObject({ required: false, challenge: { signature: expect.any(String) } });
  });

  it("answers 404 for an unknown letter and 429 to a client asking too often", async () => {
    expect((await ask("no-such-letter-here")).status).toBe(404);
    const letter = await letterWith("on");
    let status = 200;
    let asked = 0;
    while (status === 200 && asked < 200) {
      asked++;
      status = (await ask(letter.slug, "198.51.100.41")).status;
    }
    expect(status).toBe(429);
    expect(asked).toBe(2 * getEnv().SIGN_RATE_LIMIT_PER_MINUTE + 1);
  });
});

describe("POST /api/letters/{slug}/signatures with the bot checks' fields", () => {
  let n = 0;
  const sign = (slug: string, body: Record<string, unknown>) =>
    postSignature(
      new Request(`http://letters.test/api/letters/${slug}/signatures`, {
        method: "POST",
        headers: { "content-type": "application/json", [CLIENT_ADDRESS_HEADER]: `198.51.100.${100 + (++n % 100)}` },
        body: JSON.stringify(body),
      }),
      { params: Promise.resolve({ slug }) },
    );
  const stored = (email: string) => db.signature.findFirstOrThrow({ where: { email } });
  const emailsTo = (to: string) => db.outboxEmail.count({ where: { to } });

  it("answers a filled honeypot like any signing, and writes it as fraud with no email", async () => {
    const letter = await letterWith("off");
    const input = individual();
    const response = await sign(letter.slug, { ...input, reference: "A-1", fillMs: 30_000 });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: "pending_verification" });
    expect(await stored(input.email)).toMatchObject({ status: "fraud", flags: "honeypot", confirmedAt: null, moderationReason: expect.stringContaining("hidden form field") });
    expect(await emailsTo(input.email)).toBe(0);
  });

  it("writes a too-fast signing as fraud, and an API client that sends no checks as a normal signing", async () => {
    const letter = await letterWith("off");
    const fast = individual();
    expect((await sign(letter.slug, { ...fast, fillMs: 1200 })).status).toBe(202);
    expect(await stored(fast.email)).toMatchObject({ status: "fraud", flags: "too_fast" });
    const plain = individual();
    expect((await sign(letter.slug, plain)).status).toBe(202);
    expect(await stored(plain.email)).toMatchObject({ status: "unverified", flags: "" });
    expect(await emailsTo(plain.email)).toBe(1);
  });

  it("takes a solved challenge from an API client once: the replay is written as fraud", async () => {
    const letter = await letterWith("on");
    forgetLetter({ what: "letter" });
    const proofOfWork = await proofFor(letter);
    const first = individual();
    const second = individual();
    expect((await sign(letter.slug, { ...first, proofOfWork })).status).toBe(202);
    expect((await sign(letter.slug, { ...second, proofOfWork })).status).toBe(202);
    expect(await stored(first.email)).toMatchObject({ status: "unverified", flags: "" });
    expect(await stored(second.email)).toMatchObject({ status: "fraud", flags: "no_proof_of_work" });
    expect(await emailsTo(second.email)).toBe(0);
  });

  it("does not hold a refused signing against a later one that passes: the address's owner is sent a link, and confirming counts", async () => {
    // A person whose browser filled the form in under 3 s, or a script using a stranger's address.
    const letter = await letterWith("off");
    const input = individual();
    expect((await sign(letter.slug, { ...input, name: "Script", fillMs: 400 })).status).toBe(202);
    expect(await stored(input.email)).toMatchObject({ status: "fraud", flags: "too_fast" });
    expect(await emailsTo(input.email)).toBe(0);

    const again = await sign(letter.slug, { ...input, fillMs: 20_000 });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ status: "pending_verification" });
    expect(await stored(input.email)).toMatchObject({ status: "unverified", flags: "", moderationReason: null, moderatedAt: null });
    expect(await emailsTo(input.email)).toBe(1);
    const confirmed = await confirmSignature({ token: await latestConfirmToken(input.email) });
    expect(confirmed.result).toBe("confirmed");
    expect(await stored(input.email)).toMatchObject({ status: "counted", name: input.name });
    expect((await countsOf(letter)).total).toBe(1);
  });

  it("keeps a refused signing refused when the next one fails a check too, and a moderator's fraud mark as it is", async () => {
    const letter = await letterWith("off");
    const input = individual();
    await sign(letter.slug, { ...input, reference: "x", fillMs: 20_000 });
    expect((await sign(letter.slug, { ...input, fillMs: 200 })).status).toBe(202);
    expect(await stored(input.email)).toMatchObject({ status: "fraud", flags: "honeypot" });
    const marked = individual();
    await sign(letter.slug, marked);
    await db.signature.updateMany({ where: { email: marked.email }, data: { status: "fraud", moderationReason: "Known spammer", moderatedAt: new Date() } });
    await sign(letter.slug, { ...marked, fillMs: 20_000 });
    expect(await stored(marked.email)).toMatchObject({ status: "fraud", moderationReason: "Known spammer" });
    expect(await emailsTo(input.email)).toBe(0);
    expect(await emailsTo(marked.email)).toBe(1);
  });

  it("answers 422 naming the field for a fill time that is not a number", async () => {
    const response = await sign((await letterWith("off")).slug, { ...individual(), fillMs: "soon" });
    expect(response.status).toBe(422);
    expect((await response.json()).error.fields).toEqual({ fillMs: ["fillMs must be a number of milliseconds."] });
  });
});
