/** The outbox's name for an update's message to a signer, and for an admin's test copy (which carries no secret). */
export const UPDATE_TEMPLATE = "letter-update";
export const UPDATE_TEST_TEMPLATE = "letter-update-test";
