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
 * polyfills for browsers without ES modules, 39 KB) are left out: a current browser never downloads them.
 * `later`: the chunks those scripts may load afterwards (code split off with next/dynamic), found by name
 * in their text, so code moved out of the first download is still counted somewhere. */
export async function routeJavaScript(app: RunningApp, path: string): Promise<{ initial: number; later: number }> {
  const html = await (await fetch(`${app.base}${path}`, { headers: { Cookie: app.cookie } })).text();
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => !/\bnomodule\b/i.test(attributes));
  const initial = [...new Set(tags.flatMap((attributes) => attributes.match(/\bsrc="([^"]+)"/)?.[1] ?? []))].map(
    (source) => new URL(source, app.base).pathname,
  );
  const seen = new Set(initial);
  const sizes = { initial: 0, later: 0 };
  let round = initial;
  for (let depth = 0; round.length > 0 && depth < 5; depth++) {
    const texts = await Promise.all(round.map(async (source) => Buffer.from(await (await fetch(new URL(source, app.base))).arrayBuffer())));
    for (const text of texts) sizes[depth === 0 ? "initial" : "later"] += gzipSync(text).length;
    const referenced = texts.flatMap((text) =>
      [...text.toString("utf8").matchAll(/static\/chunks\/[\w.-]+\.js/g)].map((match) => `/_next/${match[0]}`),
    );
    round = [...new Set(referenced)].filter((source) => !seen.has(source));
    for (const source of round) seen.add(source);
  }
  return sizes;
}

/** Lighthouse's scores, and the metrics that move the dashboard's performance score most. */
export interface LighthouseResult {
  performance: number;
  accessibility: number;
  totalBlockingTimeMs: number;
  cumulativeLayoutShift: number;
  largestContentfulPaintMs: number;
}

export async function lighthouse(app: RunningApp, path: string): Promise<LighthouseResult> {
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
  const report = JSON.parse(output) as {
    categories: Record<string, { score: number }>;
    audits: Record<string, { numericValue?: number }>;
  };
  const metric = (audit: string) => report.audits[audit]?.numericValue ?? Number.NaN;
  return {
    performance: Math.round((report.categories.performance?.score ?? 0) * 100),
    accessibility: Math.round((report.categories.accessibility?.score ?? 0) * 100),
    totalBlockingTimeMs: metric("total-blocking-time"),
    cumulativeLayoutShift: metric("cumulative-layout-shift"),
    largestContentfulPaintMs: metric("largest-contentful-paint"),
  };
}

/**
 * The payload a client-side navigation to `path` downloads (React Server Components, the `RSC: 1` request
 * the router makes): its bytes and gzip bytes. What the server serialises for every chart is in it.
 */
export async function rscPayload(app: RunningApp, path: string): Promise<{ bytes: number; gzip: number }> {
  const response = await fetch(`${app.base}${path}`, { headers: { Cookie: app.cookie, RSC: "1" } });
  const body = Buffer.from(await response.arrayBuffer());
  return { bytes: body.length, gzip: gzipSync(body).length };
}

/** Issue 19's dashboard targets: p50 with 4 users under 300 ms at 100,000 leads (1 s at 1,000,000); JavaScript at most 200 KB gzip. */
const DASHBOARD_JS_TARGET_KB = 200;
const dashboardTargetMs = (leads: number) => (leads >= 1_000_000 ? 1000 : 300);

function latencyFigures(name: string, latency: Awaited<ReturnType<typeof pageLatency>>, p50Target?: number): Figure[] {
  return [
    {
      area: "http",
      name: `${name} p50`,
      value: latency.p50,
      unit: "ms",
      ...(p50Target === undefined ? {} : { target: `< ${p50Target} ms`, ok: latency.p50 < p50Target }),
    },
    { area: "http", name: `${name} p95`, value: latency.p95, unit: "ms" },
    {
      area: "http",
      name: `${name} p99`,
      value: latency.p99,
      unit: "ms",
      target: latency.failures ? `${latency.failures} failed` : undefined,
      ok: latency.failures === 0,
    },
  ];
}

/** The dashboard page: latency with `users` concurrent users, its RSC payload and HTML, and its JavaScript, against the targets. */
export async function dashboardPageFigures(
  app: RunningApp,
  options: { leads: number; users?: number; requests?: number },
): Promise<Figure[]> {
  const users = options.users ?? 4;
  const latency = await pageLatency(app, "/dashboard", users, options.requests);
  const [payload, html, javascript] = await Promise.all([
    rscPayload(app, "/dashboard"),
    fetch(`${app.base}/dashboard`, { headers: { Cookie: app.cookie } }).then(async (response) => Buffer.from(await response.arrayBuffer())),
    routeJavaScript(app, "/dashboard"),
  ]);
  return [
    ...latencyFigures(`dashboard, ${users} users,`, latency, users === 4 ? dashboardTargetMs(options.leads) : undefined),
    {
      area: "payload",
      name: "dashboard RSC payload",
      detail: `${(payload.gzip / 1024).toFixed(0)} KB gzip`,
      value: payload.bytes / 1024,
      unit: "KB",
    },
    {
      area: "payload",
      name: "dashboard HTML",
      detail: `${(gzipSync(html).length / 1024).toFixed(0)} KB gzip`,
      value: html.length / 1024,
      unit: "KB",
    },
    {
      area: "bundle",
      name: "dashboard JavaScript (gzip)",
      value: javascript.initial / 1024,
      unit: "KB",
      target: `<= ${DASHBOARD_JS_TARGET_KB} KB`,
      ok: javascript.initial <= DASHBOARD_JS_TARGET_KB * 1024,
    },
    { area: "bundle", name: "dashboard JavaScript loaded after the page (gzip)", value: javascript.later / 1024, unit: "KB" },
  ];
}

/** The dashboard's Lighthouse scores and the metrics behind its performance score, as figures. */
export async function dashboardLighthouseFigures(app: RunningApp): Promise<Figure[]> {
  const result = await lighthouse(app, "/dashboard");
  return [
    {
      area: "lighthouse",
      name: "dashboard performance",
      value: result.performance,
      unit: "/100",
      target: ">= 90",
      ok: result.performance >= 90,
    },
    {
      area: "lighthouse",
      name: "dashboard accessibility",
      value: result.accessibility,
      unit: "/100",
      target: ">= 90",
      ok: result.accessibility >= 90,
    },
    { area: "lighthouse", name: "dashboard total blocking time", value: result.totalBlockingTimeMs, unit: "ms" },
    { area: "lighthouse", name: "dashboard cumulative layout shift", value: result.cumulativeLayoutShift, unit: "" },
    { area: "lighthouse", name: "dashboard largest contentful paint", value: result.largestContentfulPaintMs, unit: "ms" },
  ];
}

export async function measureHttp(databaseUrl: string, leadId: number, withLighthouse: boolean, leads: number): Promise<Figure[]> {
  const app = await startApp(databaseUrl);
  const figures: Figure[] = [];
  try {
    const pages = [
      ["lead list", "/leads"],
      ["lead list, filtered", "/leads?source=webinar&status=accepted"],
      ["flagged view", "/flagged?fp=slow_timing"],
      ["lead detail", `/leads/${leadId}`],
    ] as const;
    for (const [name, path] of pages) {
      figures.push(...latencyFigures(name, await pageLatency(app, path)));
      const javascript = (await routeJavaScript(app, path)).initial;
      figures.push({
        area: "bundle",
        name: `${name} JavaScript (gzip)`,
        value: javascript / 1024,
        unit: "KB",
        target: "< 250 KB",
        ok: javascript < 250 * 1024,
      });
    }
    figures.push(...(await dashboardPageFigures(app, { leads })));
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
