import { describe, expect, it } from "vitest";
import { clientKey } from "~/security/client-key.js";

describe("clientKey", () => {
  it("keys an IPv4 client on its full address", () => {
    expect(clientKey("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("198.51.100.8")).toBe("198.51.100.8");
  });

  it("keys an IPv4-mapped IPv6 address on the IPv4 address it maps", () => {
    expect(clientKey("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::FFFF:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:c633:6407")).toBe("198.51.100.7");
    expect(clientKey("0:0:0:0:0:ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKey("::ffff:198.51.100.8")).not.toBe(clientKey("::ffff:198.51.100.7"));
  });

  it("keys an IPv6 client on its /64, whatever the rest of the address and its spelling", () => {
    const key = clientKey("2001:db8::1");
    expect(key).toBe("2001:0db8:0000:0000::/64");
    for (const same of [
      "2001:db8::6",
      "2001:db8:0:0:ffff:ffff:ffff:ffff",
      "2001:0DB8:0000:0000:1234:5678:9abc:def0",
      "2001:db8::dead:beef",
      "[2001:db8::7]",
      "2001:db8::8%eth0",
      "2001:db8::ffff:192.0.2.1",
    ]) {
      expect(clientKey(same), same).toBe(key);
    }
    for (const other of ["2001:db8:0:1::1", "2001:db9::1", "::1", "fe80::1"]) {
      expect(clientKey(other), other).not.toBe(key);
    }
    expect(clientKey("::1")).toBe("0000:0000:0000:0000::/64");
    expect(clientKey("2001:db8:aaaa:bbbb:cccc::")).toBe("2001:0db8:aaaa:bbbb::/64");
  });

  it("keeps anything that is not an address as it is", () => {
    expect(clientKey("unknown")).toBe("unknown");
    expect(clientKey("Not-An-Address")).toBe("not-an-address");
    expect(clientKey("2001:db8::1::2")).toBe("2001:db8::1::2");
  });
});
