// One person, one signature per letter: addresses that reach the same mailbox are
// the same signer. Case is ignored everywhere, "+tags" are dropped, and at Gmail the
// dots in the local part are ignored too.

const GMAIL_DOMAINS = new Set(["gmail.com", "googlemail.com"]);

export function canonicalEmail(email: string): { canonical: string; domain: string } {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return { canonical: `${local}@${domain}`, domain };
}
