import { describe, expect, it } from "vitest";
import { canonicalEmail } from "./canonical-email";

describe("canonicalEmail", () => {
  it("ignores case and +tags", () => {
    expect(canonicalEmail("Ada.Lovelace+letters@Example.ORG")).toEqual({ canonical: "ada.lovelace@example.org", domain: "example.org" });
  });
  it("ignores dots at Gmail, and treats googlemail.com as gmail.com", () => {
    expect(canonicalEmail("a.d.a+x@googlemail.com").canonical).toBe("ada@gmail.com");
    expect(canonicalEmail("A.DA@gmail.com").canonical).toBe("ada@gmail.com");
  });
  it("keeps dots elsewhere", () => {
    expect(canonicalEmail("a.da@example.org").canonical).toBe("a.da@example.org");
  });
  it("keeps a local part that starts with +", () => {
    expect(canonicalEmail("+tag@example.org").canonical).toBe("+tag@example.org");
  });
});
