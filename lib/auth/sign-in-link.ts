/** How long an emailed admin sign-in link works (Auth.js's maxAge; the outbox keeps it no longer). */
export const SIGN_IN_LINK_LIFETIME_S = 15 * 60;
