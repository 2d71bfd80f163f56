import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../env";
import { addressRange, checkWebhookTarget } from "./safe-target";

describe("addressRange", () => {
  it.each([
    ["8.8.8.8", "unicast"],
    ["2606:4700::1111", "unicast"],
    ["127.0.0.1", "loopback"],
    ["::ffff:10.1.2.3", "private"], // IPv4-mapped IPv6 is judged as the IPv4 address it carries
    ["::ffff:7f00:1", "loopback"],
    ["::7f00:1", "loopback"], // IPv4-compatible (deprecated, ::/96) too: ::127.0.0.1 as URLs and DNS write it
    ["::a00:1", "private"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["fd12::1", "uniqueLocal"],
    ["2001:db8::1", "reserved"],
    ["not an address", "invalid"],
  ])("%s is %s", (address, range) => {
    expect(addressRange(address)).toBe(range);
  });
});

describe("checkWebhookTarget", () => {
  const publicName = async () => [{ address: "93.184.215.14", family: 4 }];

  it("keeps the URL and the address to connect to", async () => {
    const target = await checkWebhookTarget("https://hooks.example.org/in?x=1", { allowPrivate: false, lookup: publicName });
    expect(target).toMatchObject({ address: "93.184.215.14", family: 4 });
    expect(target.url.href).toBe("https://hooks.example.org/in?x=1");
  });

  it("allows loopback and http: with the operator setting only", async () => {
    await expect(checkWebhookTarget("http://127.0.0.1:8080/in", { allowPrivate: true })).resolves.toMatchObject({ address: "127.0.0.1" });
    await expect(checkWebhookTarget("http://127.0.0.1:8080/in", { allowPrivate: false })).rejects.toThrow("https: URLs only");
    await expect(checkWebhookTarget("ftp://hooks.example.org/", { allowPrivate: true })).rejects.toThrow("https: URLs only");
  });

  it("says so when a name does not resolve", async () => {
    const nowhere = async () => {
      throw new Error("ENOTFOUND");
    };
    await expect(checkWebhookTarget("https://nowhere.example/", { allowPrivate: false, lookup: nowhere })).rejects.toThrow(
      "nowhere.example does not resolve to an address.",
    );
  });
});

describe("WEBHOOKS_ALLOW_PRIVATE_NETWORKS", () => {
  it("is off unless set to true, and a stray value stops the app with the variable's name", () => {
    expect(parseEnv({}).WEBHOOKS_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(parseEnv({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "true" }).WEBHOOKS_ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(parseEnv({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "false" }).WEBHOOKS_ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(() => parseEnv({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "yes" })).toThrow(ConfigError);
    expect(() => parseEnv({ WEBHOOKS_ALLOW_PRIVATE_NETWORKS: "yes" })).toThrow(/WEBHOOKS_ALLOW_PRIVATE_NETWORKS: must be "true" or "false"/);
  });
});
