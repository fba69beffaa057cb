// The outcome of an OAuth callback, carried to the connections page in a short-lived cookie (not the
// address, so a crafted link cannot put words on the page); the page shows it once and the browser drops it.

export const CONNECTION_NOTICE_COOKIE = "baton_connection_notice";

export interface ConnectionNotice {
  ok: boolean;
  message: string;
}

export function connectionNoticeCookie(notice: ConnectionNotice): string {
  const value = encodeURIComponent(JSON.stringify({ ok: notice.ok, message: notice.message }));
  return `${CONNECTION_NOTICE_COOKIE}=${value}; Path=/settings/connections; Max-Age=120; SameSite=Lax`;
}

export function parseConnectionNotice(value: string | undefined): ConnectionNotice | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(decodeURIComponent(value)) as Partial<ConnectionNotice>;
    return typeof parsed.ok === "boolean" && typeof parsed.message === "string"
      ? { ok: parsed.ok, message: parsed.message.slice(0, 1000) }
      : null;
  } catch {
    return null;
  }
}
