import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts") };

// unit: pure modules, no database. integration (*.int.test.ts): real PostgreSQL; each test file gets a
// freshly migrated database of its own on one embedded cluster, so files never share data and the demo
// database is never touched.
export default defineConfig({
  resolve: { alias, conditions: ["react-server"] },
  test: {
    projects: [
      {
        resolve: { alias, conditions: ["react-server"] },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts", "prisma/**/*.test.ts", "scripts/**/*.test.ts"],
          exclude: ["**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias, conditions: ["react-server"] },
        test: {
          name: "integration",
          include: ["**/*.int.test.ts"],
          exclude: ["node_modules/**", ".next/**", ".next-test/**"],
          environment: "node",
          globalSetup: ["tests/global-setup.ts"],
          setupFiles: ["tests/integration-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: "forks",
          maxWorkers: 2,
        },
      },
    ],
  },
});
