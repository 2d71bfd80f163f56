// A link to one's data works for an hour: long enough to open the email, short enough
// that an old message in a shared mailbox shows nothing.
export const DATA_REQUEST_LIFETIME_MS = 60 * 60 * 1000;
