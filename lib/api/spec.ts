// Every API area's paths, registered by importing its spec module; then the document.
import "@/lib/leads/api-spec";
import "@/lib/leads/upsert-api-spec";
import "@/lib/events/api-spec";
import "@/lib/decisions/api-spec";
import "@/lib/api/v1/lookup-spec";
import "@/lib/api/v1/definitions-spec";

export { generateOpenApiDocument } from "@/lib/api/openapi";
