// Where `npm start` listens: loopback unless HOST says otherwise, because the demo's passwords are public
// and a fresh install must not be reachable from the network before anyone decided it should be.
import net from "node:net";
import { CliError } from "./cli.ts";

export const DEFAULT_HOST = "127.0.0.1";
const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** HOST as an address `next start -H` accepts: an IPv4/IPv6 address or a host name. */
export function parseHost(raw = process.env.HOST): string {
  if (raw === undefined || raw.trim() === "") return DEFAULT_HOST;
  const host = raw.trim().replace(/^\[(.*)\]$/, "$1");
  // Digits and dots only is an IPv4 address or nothing (300.1.1.1 is not a host name).
  if (net.isIP(host) || (HOST_NAME.test(host) && !/^[\d.]+$/.test(host))) return host;
  throw new CliError(`HOST must be an IP address or a host name to listen on (e.g. 127.0.0.1, 0.0.0.0, ::), got "${raw}"`);
}

export function isLoopback(host: string): boolean {
  if (host === "localhost" || host === "::1") return true;
  return net.isIPv4(host) && host.startsWith("127.");
}

/** The demo workspace's passwords are published in the README: never serve them to a network by accident. */
export function assertDemoMayListen(host: string, demoWorkspace: boolean, env: Record<string, string | undefined> = process.env): void {
  if (!demoWorkspace || isLoopback(host) || env.BATON_DEMO_PUBLIC === "1") return;
  throw new CliError(
    `refusing to serve the demo workspace (public passwords) on ${host}: listen on 127.0.0.1 (unset HOST), or set BATON_DEMO_PUBLIC=1 if everyone who can reach ${host} may sign in`,
  );
}

/** The URL to print: loopback addresses and "every interface" are reached as localhost. */
export function browserUrl(host: string, port: number): string {
  const shown = isLoopback(host) || host === "0.0.0.0" || host === "::" ? "localhost" : net.isIPv6(host) ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}
