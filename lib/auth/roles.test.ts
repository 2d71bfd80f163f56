import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { can, isRole, roleForEmail, type Permission } from "./roles";

const ALL: Permission[] = ["moderate", "export", "manage_letters", "manage_people", "read_audit", "manage_blocks"];

describe("can", () => {
  it.each(ALL)("an admin may %s", (permission) => {
    expect(can("admin", permission)).toBe(true);
  });

  it("a moderator may moderate and export, and nothing else", () => {
    expect(ALL.filter((p) => can("moderator", p))).toEqual(["moderate", "export"]);
  });

  it.each([null, undefined])("no role (%s) may do anything", (role) => {
    expect(ALL.filter((p) => can(role, p))).toEqual([]);
  });
});

describe("isRole", () => {
  it("knows admin and moderator only", () => {
    expect(isRole("admin")).toBe(true);
    expect(isRole("moderator")).toBe(true);
    expect(isRole("Admin")).toBe(false);
    expect(isRole("superuser")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe("roleForEmail", () => {
  // ADMIN_EMAILS as the app reads it: parsed (trimmed, lower-cased) by the env module
  const adminEmails = parseEnv({ ADMIN_EMAILS: " Boss@Example.ORG ,  second@example.org" }).ADMIN_EMAILS;
  const moderatorRow = { role: "moderator", disabledAt: null };
  const disabledRow = { role: "moderator", disabledAt: new Date("2024-01-01T00:00:00Z") };

  it("ADMIN_EMAILS is read trimmed and lower-cased", () => {
    expect(adminEmails).toEqual(["boss@example.org", "second@example.org"]);
  });

  it.each(["boss@example.org", "BOSS@EXAMPLE.ORG", "  Boss@Example.org  ", "Second@example.org"])(
    "%j listed in ADMIN_EMAILS is admin without a user row",
    (email) => {
      expect(roleForEmail(email, { adminEmails, user: null })).toBe("admin");
    },
  );

  it("an address in ADMIN_EMAILS is admin whatever its row says (moderator, disabled, unknown role)", () => {
    expect(roleForEmail("boss@example.org", { adminEmails, user: moderatorRow })).toBe("admin");
    expect(roleForEmail("Boss@example.org", { adminEmails, user: disabledRow })).toBe("admin");
    expect(roleForEmail("boss@example.org", { adminEmails, user: { role: "nobody", disabledAt: null } })).toBe("admin");
  });

  it("a user row with role moderator is a moderator", () => {
    expect(roleForEmail("mod@example.org", { adminEmails, user: moderatorRow })).toBe("moderator");
  });

  it("a user row with role admin (not in ADMIN_EMAILS) is an admin", () => {
    expect(roleForEmail("other-admin@example.org", { adminEmails, user: { role: "admin", disabledAt: null } })).toBe("admin");
  });

  it("a disabled user has no role, even an admin row", () => {
    expect(roleForEmail("mod@example.org", { adminEmails, user: disabledRow })).toBeNull();
    expect(roleForEmail("x@example.org", { adminEmails, user: { role: "admin", disabledAt: new Date() } })).toBeNull();
  });

  it.each(["superuser", "Admin", "", "moderator "])("an unknown role string %j gives no role", (role) => {
    expect(roleForEmail("mod@example.org", { adminEmails, user: { role, disabledAt: null } })).toBeNull();
  });

  it("an address with no user row and not in ADMIN_EMAILS has no role", () => {
    expect(roleForEmail("stranger@example.org", { adminEmails, user: null })).toBeNull();
    expect(roleForEmail("boss@example.org.evil", { adminEmails, user: null })).toBeNull();
  });

  it.each(["", null, undefined])("an empty email (%j) has no role, even with a user row", (email) => {
    expect(roleForEmail(email, { adminEmails, user: moderatorRow })).toBeNull();
    expect(roleForEmail(email, { adminEmails: [...adminEmails, ""], user: null })).toBeNull();
  });

  it("with no ADMIN_EMAILS nobody is admin by address", () => {
    const none = parseEnv({}).ADMIN_EMAILS;
    expect(none).toEqual([]);
    expect(roleForEmail("boss@example.org", { adminEmails: none, user: null })).toBeNull();
  });
});
