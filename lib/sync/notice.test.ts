import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { CONNECTION_NOTICE_COOKIE, connectionNoticeCookie, parseConnectionNotice, takeConnectionNotice } from "@/lib/sync/notice";

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

describe("the proxy's step for the connections page", () => {
  const request = (cookie?: string) => new NextRequest("http://baton.test/settings/connections", { headers: cookie ? { cookie } : {} });

  it("drops the cookie in the response that shows the notice, so a reload shows it no more", () => {
    const response = takeConnectionNotice(request(connectionNoticeCookie({ ok: true, message: "Connected." }).split("; ")[0]));
    expect(response.headers.getSetCookie()).toEqual([`${CONNECTION_NOTICE_COOKIE}=; Path=/settings/connections; Max-Age=0; SameSite=lax`]);
  });

  it("sets no cookie when there is no notice", () => {
    expect(takeConnectionNotice(request()).headers.getSetCookie()).toEqual([]);
  });
});
