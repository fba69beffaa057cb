// `npm start` (through scripts/bootstrap.mjs): the production app with demo data on http://localhost:3000.
import { runApp } from "./app.ts";

await runApp("production");
