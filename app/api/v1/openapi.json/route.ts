import { generateOpenApiDocument } from "@/lib/api/v1/spec";

// Public: the document describes the API, it holds no data.
export function GET() {
  return Response.json(generateOpenApiDocument());
}
