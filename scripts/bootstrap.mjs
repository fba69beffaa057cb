// Entry point of `npm start` and `npm test` on any machine, fresh or not: installs the dependencies when
// they are missing or older than package-lock.json, then hands over to the TypeScript script.
// Plain JavaScript with no dependencies, because it runs before they exist.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const [, , command, ...rest] = process.argv;
const scripts = { start: "scripts/start.ts", test: "scripts/test.ts" };
const script = scripts[command];
if (!script) {
  console.error(`usage: node scripts/bootstrap.mjs ${Object.keys(scripts).join("|")}`);
  process.exit(2);
}

// The floor of what the tree needs (Prisma 7, Vite, Vitest ask for ^20.19 || >=22.12): one clear line
// instead of a crash deep inside a dependency.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12) || major === 21) {
  console.error(`baton: error: Node ${process.versions.node} is too old: install Node 20.19+ or 22.12+ (see README)`);
  process.exit(1);
}

const installed = "node_modules/.package-lock.json";
const stale = !existsSync(installed) || statSync("package-lock.json").mtimeMs > statSync(installed).mtimeMs + 1000;
if (stale) {
  // npm ci: installs exactly the lock file (complete for every platform) and never rewrites it, so a
  // fresh clone stays clean.
  console.log("Installing dependencies (npm ci)…");
  const install = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (install.status !== 0) {
    console.error("baton: npm ci failed; see the messages above.");
    process.exit(install.status ?? 1);
  }
} else if (!existsSync("lib/generated/prisma/client.ts")) {
  spawnSync("node", ["scripts/prisma-generate.mjs"], { stdio: "inherit" });
}

// react-server: the app's server modules (`server-only`, React's server build) load as they do in Next.
// Ctrl-C reaches the child too (same process group); this process waits for its clean shutdown.
const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", script, ...rest], { stdio: "inherit" });
process.on("SIGINT", () => undefined);
process.on("SIGTERM", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
