import next from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import { readdirSync } from "node:fs";

// Layers point one way: app -> components -> lib/<feature> -> the ground floor, with the token API
// (lib/api) an adapter above the features. The ground floor is the plumbing every feature shares plus the
// two modules every feature stands on: lib/auth (who is acting, what they may do) and lib/diagnosis (the
// pure domain vocabulary). Anything else under lib/ is a feature. docs/ARCHITECTURE.md has the map.
const GROUND_FLOOR = [
  "db",
  "actions",
  "lead-set",
  "jobs",
  "auth",
  "diagnosis",
  "generated",
  "time.ts",
  "errors.ts",
  "env.ts",
  "storable-text.ts",
];
// Composition roots: they start every feature's workers and checks, and nothing below imports them.
const ROOTS = ["boot.ts", "health.ts"];
const libEntries = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() || /\.tsx?$/.test(entry.name))
  .map((entry) => entry.name)
  .filter((name) => !/\.test\.tsx?$/.test(name));
const FEATURES = libEntries.filter((name) => !GROUND_FLOOR.includes(name) && !ROOTS.includes(name) && name !== "api");
const lib = (names) => names.map((name) => `./lib/${name}`);
const layers = {
  files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
  // Tests and their fixtures may reach across layers to set up a world.
  ignores: ["**/*.test.ts", "**/*.test.tsx", "**/test-fixtures.ts", "**/testing.ts", "**/test-dataset.ts"],
  rules: {
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          { target: "./components", from: "./app", message: "Components are below pages: pass data down instead." },
          { target: "./lib", from: ["./app", "./components"], message: "lib/ is below app/ and components/: move the shared part down." },
          {
            target: lib([...FEATURES, ...GROUND_FLOOR]),
            from: "./lib/api",
            message: "The token API (lib/api) is an adapter above the features: features do not call it.",
          },
          {
            target: lib(GROUND_FLOOR),
            from: lib([...FEATURES, ...ROOTS, "api"]),
            message: "The ground floor (lib/db, lib/actions, lib/lead-set, lib/jobs, lib/time…) must not depend on a feature.",
          },
        ],
      },
    ],
  },
};

const config = [
  ...next,
  ...nextTypescript,
  {
    ignores: [
      "lib/generated/**",
      ".next*/**",
      ".data/**",
      "node_modules/**",
      "test-results/**",
      "playwright-report/**",
      "bench/out/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
    },
  },
  layers,
  // Command-line entry points, tests and config files legitimately read the environment.
  {
    files: ["scripts/**", "e2e/**", "**/*.test.ts", "prisma/**", "*.config.*", "lib/env.ts", "tests/**", "instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
