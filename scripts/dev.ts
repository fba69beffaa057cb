// `npm run dev`: like `npm start`, with Next's development server (hot reload) instead of a build.
import { runApp } from "./app.ts";

await runApp("development");
