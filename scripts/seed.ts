// Publishes the shipped letters (idempotent). Run: npm run db:seed
import { publishSeedLetters } from "../lib/letters/publish-seed-letters";

const created = await publishSeedLetters();
console.log(created.length ? `published: ${created.join(", ")}` : "letters: already published");
