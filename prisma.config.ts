import { defineConfig } from "prisma/config";

// Used by the Prisma CLI only (generate, validate, format). The app builds its own connection in lib/db/index.ts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
