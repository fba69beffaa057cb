import { beforeAll } from "vitest";
import { seedImportWorkspace, type ImportWorkspace } from "@/lib/import/testing";

/**
 * The import tests' workspace, seeded once before the file's tests run (its fields are filled in then).
 * Apart from testing.ts, which the benchmark imports outside vitest.
 */
export function seededImportWorkspace(): ImportWorkspace {
  const workspace = {} as ImportWorkspace;
  beforeAll(async () => {
    Object.assign(workspace, await seedImportWorkspace());
  });
  return workspace;
}
