// `npm run baton -- <command>`: administration from the command line.
//   token create --name NAME --scope read|write [--user EMAIL] [--integration NAME] [--expires-days N] [--definitions-write]
//                                                                 prints a new API token (shown once)
//   token list                                                    lists tokens (never their secret)
//   token revoke --id ID
//   import FILE [FILE…] [--preset hubspot|salesforce|zoho|generic] [--mapping NAME] [--source-system NAME]
//          [--time-zone TZ] [--dry-run]                         imports CRM exports; exit 1 when a row was refused
//          a file's kind comes from its headers or name; KIND=FILE says it (deals=closed.csv, calls=log.csv)
import os from "node:os";
import { parseArgs } from "node:util";
import { CliError, runCli, wholeNumberOption } from "./lib/cli.ts";
import { openDatabase } from "./db/database.ts";

const USAGE =
  "usage: npm run baton -- token create --name NAME --scope read|write [--user EMAIL] [--integration NAME] [--expires-days N] [--definitions-write] | token list | token revoke --id ID\n" +
  "       npm run baton -- import [KIND=]FILE [FILE…] [--preset hubspot|salesforce|zoho|generic] [--mapping NAME] [--source-system NAME] [--time-zone TZ] [--dry-run]";

await runCli("baton", async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      scope: { type: "string" },
      user: { type: "string" },
      id: { type: "string" },
      integration: { type: "string" },
      "expires-days": { type: "string" },
      "definitions-write": { type: "boolean" },
      preset: { type: "string" },
      mapping: { type: "string" },
      "source-system": { type: "string" },
      "time-zone": { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const [area, command] = positionals;
  if (area === "import") {
    process.exitCode = await runImport(positionals.slice(1), values);
    return;
  }
  if (area !== "token" || !command || !["create", "list", "revoke"].includes(command)) throw new CliError(USAGE);

  const database = await openDatabase();
  // On stderr, so `token list` stays clean for pipes.
  console.error(`Using ${database.target}`);
  process.env.DATABASE_URL = database.url;
  const { db, pool } = await import("../lib/db/index.ts");
  const { createApiToken, revokeApiToken } = await import("../lib/tokens/store.ts");
  const { recordAudit } = await import("../lib/actions/audit.ts");
  // No one is signed in on the command line: the row names the machine account that ran it instead.
  const source = { source: "command line", osUser: os.userInfo().username, host: os.hostname() };
  try {
    if (command === "create") {
      const name = values.name?.trim();
      if (!name || name.length > 100) throw new CliError("--name is required (at most 100 characters)");
      if (values.scope !== "read" && values.scope !== "write") throw new CliError("--scope must be read or write");
      const user = values.user
        ? await db.user.findUnique({ where: { email: values.user.toLowerCase() }, select: { id: true, email: true, role: true } })
        : await db.user.findFirst({
            where: { role: "admin", active: true },
            orderBy: { id: "asc" },
            select: { id: true, email: true, role: true },
          });
      if (!user) throw new CliError(values.user ? `no user with email ${values.user}` : "no active admin exists yet: create one first");
      const integrationName = values.integration?.trim() || null;
      if (integrationName && integrationName.length > 100) throw new CliError("--integration is at most 100 characters");
      const days =
        values["expires-days"] === undefined
          ? null
          : wholeNumberOption(values["expires-days"], 1, 730, "--expires-days must be a whole number of days from 1 to 730");
      if (values["definitions-write"] && values.scope !== "write") throw new CliError("--definitions-write needs --scope write");
      const expiresAt = days === null ? null : new Date(Date.now() + days * 86_400_000);
      const created = await createApiToken({
        name,
        scope: values.scope,
        userId: user.id,
        integrationName,
        expiresAt,
        extraScopes: values["definitions-write"] ? ["definitions:write"] : [],
      });
      const actsAs = integrationName
        ? `as the integration "${integrationName}" with ${user.email}'s role (${user.role})`
        : `as ${user.email} (${user.role})`;
      await recordAudit(db, {
        actorId: null,
        action: "tokens.create",
        entityType: "api_token",
        entityId: created.id,
        after: { name, scope: values.scope, prefix: created.prefix, actsAs: user.email, integrationName, expiresAt, ...source },
      });
      console.log(
        `Created token "${name}" (${values.scope}${values["definitions-write"] ? ", definitions:write" : ""}) acting ${actsAs}${expiresAt ? `, expiring ${expiresAt.toISOString()}` : ""}. It is shown only now:\n\n${created.token}\n`,
      );
    } else if (command === "list") {
      const tokens = await db.apiToken.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          name: true,
          prefix: true,
          scope: true,
          revokedAt: true,
          lastUsedAt: true,
          createdBy: { select: { email: true } },
        },
      });
      if (!tokens.length) console.log("No API tokens.");
      for (const token of tokens) {
        console.log(
          `${token.id}\t${token.prefix}…\t${token.scope}\t${token.name}\t${token.createdBy?.email ?? "-"}\t${token.revokedAt ? "revoked" : token.lastUsedAt ? `last used ${token.lastUsedAt.toISOString()}` : "never used"}`,
        );
      }
    } else {
      const id = Number(values.id);
      if (!Number.isInteger(id) || id <= 0) throw new CliError("--id must be a token id (see token list)");
      const before = await db.apiToken.findUnique({ where: { id }, select: { name: true, prefix: true, scope: true } });
      const revoked = await revokeApiToken(id);
      if (revoked)
        await recordAudit(db, {
          actorId: null,
          action: "tokens.revoke",
          entityType: "api_token",
          entityId: id,
          before,
          after: { ...before, revoked: true, ...source },
        });
      console.log(revoked ? `Revoked token ${id}.` : `Token ${id} does not exist or is already revoked.`);
    }
  } finally {
    await db.$disconnect();
    await pool.end();
    await database.stop();
  }
});

async function runImport(
  files: string[],
  values: { preset?: string; mapping?: string; "source-system"?: string; "time-zone"?: string; "dry-run"?: boolean },
): Promise<number> {
  if (!files.length) throw new CliError(USAGE);
  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  const { db, pool } = await import("../lib/db/index.ts");
  const { runImportCommand } = await import("../lib/import/command.ts");
  try {
    return await runImportCommand({
      files,
      preset: values.preset,
      mapping: values.mapping,
      sourceSystem: values["source-system"],
      timeZone: values["time-zone"],
      dryRun: values["dry-run"] ?? false,
      print: (line) => console.log(line),
    });
  } catch (error) {
    // The importer's own refusals are messages for the person running it, not crashes.
    if (error instanceof Error && error.name !== "Error") {
      const fields = (error as { fieldErrors?: Record<string, string[]> }).fieldErrors;
      const details = fields
        ? Object.entries(fields)
            .map(([field, messages]) => ` ${field}: ${messages.join(" ")}`)
            .join(";")
        : "";
      throw new CliError(`${error.message}${details}`);
    }
    throw error;
  } finally {
    await db.$disconnect();
    await pool.end();
    await database.stop();
  }
}
