import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "@/lib/sync/crypto";

const key = randomBytes(32);

describe("credentials at rest", () => {
  it("round-trip, and the stored text does not contain the token", () => {
    const token = "pat-na1-0b1c2d3e-aaaa-bbbb-cccc-1234567890ab";
    const stored = encryptSecret(token, key);
    expect(stored).not.toContain(token);
    expect(stored).not.toContain("pat-na1");
    expect(decryptSecret(stored, key)).toBe(token);
  });

  it("two encryptions of one value differ (a fresh nonce each time)", () => {
    expect(encryptSecret("same", key)).not.toBe(encryptSecret("same", key));
  });

  it("refuses a value altered in storage or read with another key", () => {
    const stored = encryptSecret("secret-token", key);
    const parts = stored.split(".");
    const data = Buffer.from(parts[3]!, "base64url");
    data[0] = data[0]! ^ 1;
    const altered = [...parts.slice(0, 3), data.toString("base64url")].join(".");
    expect(() => decryptSecret(altered, key)).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret(stored, randomBytes(32))).toThrow(/cannot be decrypted/);
    expect(() => decryptSecret("plain text", key)).toThrow(/not in a format/);
  });
});
