// Shared shape of every command-line entry point: one clear line on a known failure, non-zero exit,
// never a bare stack trace.
export class CliError extends Error {}

/** A whole-number option from `min` to `max`; anything else fails with `message`. */
export function wholeNumberOption(raw: string, min: number, max: number, message: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new CliError(message);
  return value;
}

const KNOWN_ERRORS = new Set(["CliError", "MigrationError", "DatabaseStartError", "DatabaseUrlError", "SeedError"]);

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (KNOWN_ERRORS.has(error.constructor.name)) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return `cannot reach the database (${error.message})`;
  if (code === "ENOTFOUND") return `the database host does not resolve (${error.message})`;
  if (code === "28P01") return "the database refused the password in DATABASE_URL";
  if (code === "3D000") return `the database does not exist (${error.message})`;
  return error.message;
}

export async function runCli(name: string, main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    console.error(`${name}: error: ${describeError(error)}`);
    if (process.env.BATON_DEBUG) console.error(error);
    process.exitCode = 1;
  }
  // Exit explicitly with our code: open pools or exit hooks of libraries must neither keep the
  // command alive nor change its exit code.
  process.exit(process.exitCode ?? 0);
}
