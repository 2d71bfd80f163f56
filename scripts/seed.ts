// Publishes the shipped letters (idempotent). Run: npm run db:seed
import { db } from "../lib/db";
import { publishSeedLetters } from "../lib/letters/publish-seed-letters";

const created = await publishSeedLetters();
console.log(created.length ? `published: ${created.join(", ")}` : "letters: already published");
// At once: on PostgreSQL the pool would keep this process (and the migration lock its
// parent holds meanwhile) for its idle timeout.
await db.$disconnect();
