// Debian packages the scripts need (Chromium and pg_dump for the tests, sqlmap and wapiti for the scan),
// installed with apt-get when their program is missing.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { CliError } from "./cli.ts";

/** Runs a command with inherited output; resolves to its exit code (1 when killed by a signal). */
export function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", () => resolve(127));
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Installs a Debian package when its program is missing. `rerun` names the command to run again after a failure. */
export async function ensureDebianPackage(program: string, debianPackage: string, purpose: string, rerun = "npm test"): Promise<void> {
  if (existsSync(program)) return;
  if (process.getuid?.() !== 0)
    throw new CliError(`${program} is missing: install it with "sudo apt-get install -y ${debianPackage}" (${purpose})`);
  console.log(`Installing Debian's ${debianPackage} (${purpose})…`);
  if (
    (await run("apt-get", ["update", "-qq"])) !== 0 ||
    (await run("apt-get", ["install", "-y", "-qq", debianPackage], { DEBIAN_FRONTEND: "noninteractive" })) !== 0
  ) {
    throw new CliError(`could not install ${debianPackage} with apt-get; install it and run ${rerun} again`);
  }
}
