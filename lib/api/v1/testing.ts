// Calls /api/v1 route handlers in-process, as Next would: a Request and the route's params.
export type Handler = (request: Request, route: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (malformed JSON, oversized payloads). */
  rawBody?: string;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

export async function call(handler: Handler, method: string, path: string, options: CallOptions = {}) {
  const headers = new Headers(options.headers);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const payload = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (payload !== undefined) headers.set("content-type", "application/json");
  const response = await handler(new Request(`http://baton.test/api/v1${path}`, { method, headers, body: payload }), {
    params: Promise.resolve(options.params ?? {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : null) as Record<string, unknown> & {
      error?: { code: string; message: string; fields?: { path: string; message: string }[] };
    },
  };
}
