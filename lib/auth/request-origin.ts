// Where a request came from, for the audit log and the sessions list. Behind a load balancer the client
// is the first X-Forwarded-For entry (the documented nginx configuration sets it).
export interface RequestOrigin {
  ip: string;
  userAgent: string;
}

export type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined | null;

export function originFromHeaders(headers: HeaderBag): RequestOrigin {
  const read = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const ip = read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip") || "unknown";
  return { ip: ip.slice(0, 100), userAgent: (read("user-agent") ?? "").slice(0, 300) };
}

/** The current request's origin; outside a request (a script, a test) it is unknown. */
export async function currentOrigin(): Promise<RequestOrigin> {
  try {
    const { headers } = await import("next/headers");
    return originFromHeaders(await headers());
  } catch {
    return originFromHeaders(undefined);
  }
}
