// Finds what the server exposes, from the code itself: every server action module (a file whose first
// statement is "use server") with its exported functions, every route handler (app/api/**/route.ts) with
// its exported HTTP methods, and any inline "use server" function the matrix could not call.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");
const SEARCHED = ["app", "lib", "components"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", "fixtures"]);
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) files.push(...sourceFiles(relative));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.(test|spec)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      files.push(relative);
    }
  }
  return files;
}

/** The source with leading comments and whitespace removed: what its first statement is. */
function withoutLeadingComments(source: string): string {
  return source.replace(/^\uFEFF/, "").replace(/^(\s+|\/\/[^\n]*\n?|\/\*[\s\S]*?\*\/)*/, "");
}

const DIRECTIVE = /^(["'])use server\1\s*;?/;

export function discoverServerActionModules(): string[] {
  return SEARCHED.flatMap(sourceFiles)
    .filter((file) => DIRECTIVE.test(withoutLeadingComments(readFileSync(path.join(ROOT, file), "utf8"))))
    .sort();
}

/** Files with a "use server" directive inside a function: server actions the matrix cannot reach by name. */
export function discoverInlineServerActions(): string[] {
  return SEARCHED.flatMap(sourceFiles)
    .filter((file) => {
      const body = withoutLeadingComments(readFileSync(path.join(ROOT, file), "utf8")).replace(DIRECTIVE, "");
      return /^\s*(["'])use server\1\s*;?\s*$/m.test(body);
    })
    .sort();
}

export interface DiscoveredRoute {
  file: string;
  /** The URL path with its dynamic segments as in the file system: /api/v1/leads/[id]. */
  path: string;
}

export function discoverRouteFiles(): DiscoveredRoute[] {
  return sourceFiles("app/api")
    .filter((file) => /\/route\.tsx?$/.test(file))
    .map((file) => ({
      file,
      path: `/${path.posix
        .dirname(file)
        .replace(/^app\//, "")
        .replace(/\/\([^/]+\)/g, "")}`,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Every page under app/, by its URL path as in the file system ("/leads/[id]"; route groups dropped). */
export function discoverPages(): DiscoveredRoute[] {
  return sourceFiles("app")
    .filter((file) => /(^|\/)page\.tsx?$/.test(file) && !file.startsWith("app/api/"))
    .map((file) => ({
      file,
      path: `/${path.posix
        .dirname(file)
        .replace(/^app\/?/, "")
        .split("/")
        .filter((part) => part && !/^\(.+\)$/.test(part))
        .join("/")}`,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

export async function importModule(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ path.join(ROOT, file))) as Record<string, unknown>;
}

/** Every exported function of a server action module: each is callable from any browser by its id. */
export async function exportedActions(file: string): Promise<string[]> {
  const exports = await importModule(file);
  return Object.keys(exports)
    .filter((name) => typeof exports[name] === "function")
    .sort();
}

export async function exportedMethods(file: string): Promise<string[]> {
  const exports = await importModule(file);
  return HTTP_METHODS.filter((method) => typeof exports[method] === "function");
}
