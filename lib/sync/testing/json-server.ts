import http from "node:http";
import type { AddressInfo } from "node:net";

// The plumbing both contract servers share: a local HTTP server on a free port, JSON answers, raw bodies.

export abstract class JsonServer {
  private server?: http.Server;
  url = "";

  protected abstract handle(request: http.IncomingMessage, response: http.ServerResponse, body: string): Promise<void>;
  /** The vendor's shape of an unexpected error's answer. */
  protected abstract internalError(error: unknown): unknown;
  /** The vendor's sign-in side: the registered apps (client id -> secret) and the admin's consent answer. */
  abstract readonly login: { consent: Consent; readonly apps: Map<string, string> };

  /** What the admin answers on the consent page. */
  get consent(): Consent {
    return this.login.consent;
  }

  set consent(answer: Consent) {
    this.login.consent = answer;
  }

  registerApp(clientId: string, clientSecret: string): void {
    this.login.apps.set(clientId, clientSecret);
  }

  async start(): Promise<string> {
    this.server = http.createServer((request, response) => {
      readBody(request)
        .then((body) => this.handle(request, response, body))
        .catch((error: unknown) => sendJson(response, 500, this.internalError(error)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": "application/json;charset=UTF-8", ...headers });
  response.end(JSON.stringify(body));
}

/** An OAuth authorize endpoint's answer: back to the app's redirect URI with these query parameters. */
export function redirectBack(response: http.ServerResponse, redirectUri: string, params: Record<string, string>): void {
  const target = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  response.writeHead(302, { Location: target.toString() });
  response.end();
}

/** Who the contract server's consent page answers for: the admin allows, or declines. */
export type Consent = "allow" | "deny";

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}
