import { apiRoute } from "@/lib/api/v1/route";
import { readDefinitions } from "@/lib/api/v1/definitions";

// GET /api/v1/definitions: lead types (with priority, intent, SLAs and acceptance criteria ids), reasons,
// calendar, windows and inbound sources — what an integration needs to send valid codes.
export const GET = apiRoute({ scope: "read", action: "definitions.read" }, async () => readDefinitions());
