import { describe, expect, it } from "vitest";
import { CONNECTION_NOTICE_COOKIE, connectionNoticeCookie, parseConnectionNotice } from "@/lib/sync/notice";

// The OAuth callback's outcome travels to the connections page in a cookie scoped to that page.
describe("connection notice cookie", () => {
  it("carries the outcome to the connections page only, for two minutes", () => {
    const cookie = connectionNoticeCookie({ ok: false, message: "Access to Salesforce was declined; “quotes” & semicolons; stay." });
    const [pair, ...attributes] = cookie.split("; ");
    expect(attributes).toEqual(["Path=/settings/connections", "Max-Age=120", "SameSite=Lax"]);
    const value = pair!.slice(`${CONNECTION_NOTICE_COOKIE}=`.length);
    expect(value).not.toMatch(/[;\s]/);
    expect(parseConnectionNotice(value)).toEqual({ ok: false, message: "Access to Salesforce was declined; “quotes” & semicolons; stay." });
  });

  it("shows nothing for a missing or tampered value", () => {
    for (const value of [undefined, "", "%7Bnot-json", encodeURIComponent(JSON.stringify({ ok: "yes", message: 1 }))]) {
      expect(parseConnectionNotice(value)).toBeNull();
    }
  });
});
