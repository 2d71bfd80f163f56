// The public CSV files' columns, in order: the files write them and the API document
// (lib/api/endpoints.ts) shows them, from here.

/** GET /api/letters/{slug}/history.csv */
export const HISTORY_CSV_HEADER = ["date", "country", "country_name", "individuals", "organizations", "total"] as const;

/** GET /letters/{slug}/signatories.csv */
export const PUBLIC_SIGNATORIES_CSV_HEADER = ["kind", "name", "title", "affiliation", "website", "country", "country_name", "signed_at"] as const;
