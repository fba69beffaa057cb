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

const installed = "node_modules/.package-lock.json";
const stale = !existsSync(installed) || statSync("package-lock.json").mtimeMs > statSync(installed).mtimeMs + 1000;
if (stale) {
  // npm install, not npm ci: this npm records only this platform's optional binaries in the lock file
  // (Next's SWC, Tailwind's oxide…), which npm ci then rejects as out of sync. npm install resolves
  // them without changing the lock file.
  console.log("Installing dependencies (npm install)…");
  const install = spawnSync("npm", ["install", "--no-audit", "--no-fund"], { stdio: "inherit" });
  if (install.status !== 0) {
    console.error("baton: npm install failed; see the messages above.");
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
