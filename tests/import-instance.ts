// A stand-in app instance for lib/import/kill.int.test.ts: runs one queued import job exactly as the
// pg-boss worker would (`runImportJob`), against the DATABASE_URL it is given, so the test can SIGKILL
// it mid-write. `npx tsx --conditions=react-server tests/import-instance.ts <job id>`
import { runImportJob } from "@/lib/import/run";

const jobId = Number(process.argv[2]);
if (!Number.isInteger(jobId) || jobId < 1) {
  console.error("usage: tests/import-instance.ts <job id>");
  process.exit(2);
}
const outcome = await runImportJob(jobId);
console.log(`import ${jobId}: ${outcome}`);
process.exit(0);
