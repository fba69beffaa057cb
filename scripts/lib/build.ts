// Builds the production bundle only when the sources changed since the last build in that folder.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { CliError } from "./cli.ts";

const SOURCES = ["app", "components", "lib", "public", "types"];
const SOURCE_FILES = [
  "next.config.js",
  "package-lock.json",
  "proxy.ts",
  "instrumentation.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "prisma/schema.prisma",
];
const SKIP = new Set(["generated", "node_modules"]);

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : listFiles(full);
      return entry.name.endsWith(".test.ts") ? [] : [full];
    }),
  );
  return nested.flat();
}

export async function sourceHash(): Promise<string> {
  const files = [...(await Promise.all(SOURCES.map(listFiles))).flat(), ...SOURCE_FILES.filter((file) => existsSync(file))].sort();
  const hash = createHash("sha256");
  for (const file of files) hash.update(file).update(await readFile(file));
  return hash.digest("hex");
}

export async function ensureProductionBuild(distDir: string): Promise<void> {
  const marker = path.join(distDir, "baton-source-hash");
  const hash = await sourceHash();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(marker) && (await readFile(marker, "utf8")) === hash) return;
  console.log(`Building the production app into ${distDir} (a minute or two on 2 cores)…`);
  const started = Date.now();
  // `next build` adds its dist dir's type folders to tsconfig.json: put the file back as it was, so the
  // checkout stays clean and the next source hash matches this build.
  const tsconfig = existsSync("tsconfig.json") ? await readFile("tsconfig.json", "utf8") : undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const build = spawn("node_modules/.bin/next", ["build"], {
        stdio: "inherit",
        env: { ...process.env, NODE_ENV: "production", BATON_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      });
      // Ctrl-C or a TERM to this script ends the build too, and puts tsconfig.json back before exiting.
      const restore = () => tsconfig !== undefined && writeFileSync("tsconfig.json", tsconfig);
      const interrupt = () => {
        build.kill("SIGTERM");
        restore();
        build.once("exit", restore);
      };
      process.once("SIGINT", interrupt);
      process.once("SIGTERM", interrupt);
      build.on("exit", (code) => {
        process.off("SIGINT", interrupt);
        process.off("SIGTERM", interrupt);
        if (code === 0) resolve();
        else reject(new CliError("the production build failed; see the messages above"));
      });
    });
  } finally {
    if (tsconfig !== undefined && (await readFile("tsconfig.json", "utf8").catch(() => "")) !== tsconfig)
      await writeFile("tsconfig.json", tsconfig);
  }
  await writeFile(marker, hash);
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
}
