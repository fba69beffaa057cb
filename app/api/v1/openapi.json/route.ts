import { generateOpenApiDocument } from "@/lib/api/spec";

// Public: the document describes the API, it holds no data.
export function GET() {
  return Response.json(generateOpenApiDocument());
}
