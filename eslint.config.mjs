import next from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTypescript,
  { ignores: ["lib/generated/**", ".next*/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench/out/**", "next-env.d.ts"] },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read settings through lib/env.ts." }],
    },
  },
  // Command-line entry points, tests and config files legitimately read the environment.
  { files: ["scripts/**", "e2e/**", "**/*.test.ts", "prisma/**", "*.config.*", "lib/env.ts", "tests/**", "instrumentation.ts"], rules: { "no-restricted-properties": "off" } },
];

export default config;
