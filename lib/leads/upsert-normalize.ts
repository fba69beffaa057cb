// How lead contact data is stored, whoever writes it (import, API): emails lower-cased, and an account
// domain only for company domains — a gmail.com address says nothing about the buyer's account.

export const FREE_MAIL_DOMAINS = new Set([
  "gmail.com",
  "googlemail.com",
  "yahoo.com",
  "yahoo.co.uk",
  "yahoo.fr",
  "yahoo.de",
  "yahoo.es",
  "yahoo.it",
  "ymail.com",
  "rocketmail.com",
  "hotmail.com",
  "hotmail.co.uk",
  "hotmail.fr",
  "hotmail.de",
  "hotmail.it",
  "outlook.com",
  "outlook.de",
  "outlook.fr",
  "live.com",
  "live.co.uk",
  "msn.com",
  "aol.com",
  "icloud.com",
  "me.com",
  "mac.com",
  "proton.me",
  "protonmail.com",
  "pm.me",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "gmx.at",
  "web.de",
  "t-online.de",
  "freenet.de",
  "orange.fr",
  "wanadoo.fr",
  "free.fr",
  "laposte.net",
  "libero.it",
  "virgilio.it",
  "mail.com",
  "mail.ru",
  "yandex.com",
  "yandex.ru",
  "zoho.com",
  "zohomail.com",
  "fastmail.com",
  "hey.com",
  "tutanota.com",
  "tuta.io",
  "qq.com",
  "163.com",
  "126.com",
  "naver.com",
  "seznam.cz",
  "wp.pl",
  "onet.pl",
  "btinternet.com",
  "comcast.net",
  "verizon.net",
  "att.net",
  "sbcglobal.net",
]);

const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/;

/** "  Jane.Doe@Example.COM " -> "jane.doe@example.com"; null when it is not an email address. */
export function normalizeEmail(value: string | null | undefined): string | null {
  if (!value) return null;
  const email = value
    .trim()
    .replace(/^mailto:/i, "")
    .toLowerCase();
  return email.length <= 254 && EMAIL_PATTERN.test(email) ? email : null;
}

/** "https://www.Example.com/about" -> "example.com". */
export function domainFromWebsite(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname.replace(/^www\./, "");
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

/** The buyer's account: the email's domain unless it is free mail, else the website's domain. */
export function accountDomainFor(email: string | null | undefined, website?: string | null): string | null {
  const domain = email?.split("@")[1]?.toLowerCase();
  if (domain && !isFreeMailDomain(domain)) return domain;
  const fromWebsite = domainFromWebsite(website);
  return fromWebsite && !isFreeMailDomain(fromWebsite) ? fromWebsite : null;
}
