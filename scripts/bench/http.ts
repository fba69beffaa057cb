// Through the running production server: page latency (p50, p95, p99) under a few concurrent users, the
// JavaScript each route sends (gzip), and optionally Lighthouse scores in Debian's Chromium.
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { signIn, startProductionServer, type ProductionServer } from "../lib/app-server.ts";
import { percentile } from "./measure.ts";
import type { Figure } from "./report.ts";

const DIST_DIR = ".next-bench";

export interface RunningApp extends ProductionServer {
  cookie: string;
}

export async function startApp(databaseUrl: string): Promise<RunningApp> {
  const server = await startProductionServer({ databaseUrl, distDir: DIST_DIR });
  try {
    return { ...server, cookie: await signIn(server.base, "marketing@demo.baton.dev") };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** `connections` concurrent users request `path` until `requests` responses arrived. */
export async function pageLatency(app: RunningApp, path: string, connections = 4, requests = 120) {
  const samples: number[] = [];
  let failures = 0;
  let sent = 0;
  const started = performance.now();
  const user = async () => {
    while (sent < requests) {
      sent += 1;
      const begin = performance.now();
      const response = await fetch(`${app.base}${path}`, { headers: { Cookie: app.cookie } });
      await response.arrayBuffer();
      samples.push(performance.now() - begin);
      if (!response.ok) failures += 1;
    }
  };
  for (let i = 0; i < 8; i++) await (await fetch(`${app.base}${path}`, { headers: { Cookie: app.cookie } })).arrayBuffer();
  await Promise.all(Array.from({ length: connections }, user));
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    rps: samples.length / ((performance.now() - started) / 1000),
    failures,
  };
}

/** Bytes of JavaScript (gzip) a route's HTML makes the browser download. Scripts marked `nomodule` (Next's
 * polyfills for browsers without ES modules, 39 KB) are left out: a current browser never downloads them. */
export async function routeJavaScript(app: RunningApp, path: string): Promise<number> {
  const html = await (await fetch(`${app.base}${path}`, { headers: { Cookie: app.cookie } })).text();
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => !/\bnomodule\b/i.test(attributes));
  const sources = [...new Set(tags.flatMap((attributes) => attributes.match(/\bsrc="([^"]+)"/)?.[1] ?? []))];
  const sizes = await Promise.all(
    sources.map(async (source) => gzipSync(Buffer.from(await (await fetch(new URL(source, app.base))).arrayBuffer())).length),
  );
  return sizes.reduce((sum, size) => sum + size, 0);
}

export async function lighthouse(app: RunningApp, path: string): Promise<{ performance: number; accessibility: number }> {
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(
      "node_modules/.bin/lighthouse",
      [
        `${app.base}${path}`,
        "--quiet",
        "--output=json",
        "--only-categories=performance,accessibility",
        "--preset=desktop",
        `--extra-headers=${JSON.stringify({ Cookie: app.cookie })}`,
        "--chrome-path=/usr/bin/chromium",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync",
      ],
      { stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" } },
    );
    let stdout = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.on("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`lighthouse exited with ${code}`))));
  });
  const report = JSON.parse(output) as { categories: Record<string, { score: number }> };
  return {
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
  };
}

export async function measureHttp(databaseUrl: string, leadId: number, withLighthouse: boolean): Promise<Figure[]> {
  const app = await startApp(databaseUrl);
  const figures: Figure[] = [];
  try {
    const pages = [
      ["lead list", "/leads"],
      ["lead list, filtered", "/leads?source=webinar&status=accepted"],
      ["flagged view", "/flagged?fp=slow_timing"],
      ["lead detail", `/leads/${leadId}`],
      ["dashboard", "/dashboard"],
    ] as const;
    for (const [name, path] of pages) {
      const latency = await pageLatency(app, path);
      figures.push({ area: "http", name: `${name} p50`, value: latency.p50, unit: "ms" });
      figures.push({ area: "http", name: `${name} p95`, value: latency.p95, unit: "ms" });
      figures.push({
        area: "http",
        name: `${name} p99`,
        value: latency.p99,
        unit: "ms",
        target: latency.failures ? `${latency.failures} failed` : undefined,
        ok: latency.failures === 0,
      });
      const javascript = await routeJavaScript(app, path);
      figures.push({
        area: "bundle",
        name: `${name} JavaScript (gzip)`,
        value: javascript / 1024,
        unit: "KB",
        target: "< 250 KB",
        ok: javascript < 250 * 1024,
      });
    }
    if (withLighthouse) {
      for (const [name, path] of [
        ["lead list", "/leads"],
        ["lead detail", `/leads/${leadId}`],
        ["dashboard", "/dashboard"],
      ] as const) {
        const scores = await lighthouse(app, path);
        for (const category of ["performance", "accessibility"] as const) {
          figures.push({
            area: "lighthouse",
            name: `${name} ${category}`,
            value: scores[category],
            unit: "/100",
            target: ">= 90",
            ok: scores[category] >= 90,
          });
        }
      }
    }
  } finally {
    // Awaited: the server has exited before the next measurement starts on these cores.
    await app.stop();
  }
  return figures;
}
