// Every API area's paths, registered by importing its spec module; then the document.
import "@/lib/api/v1/leads-spec";
import "@/lib/api/v1/leads-upsert-spec";
import "@/lib/api/v1/events-spec";
import "@/lib/api/v1/decisions-spec";
import "@/lib/api/v1/lookup-spec";
import "@/lib/api/v1/definitions-spec";
import "@/lib/api/v1/people-spec";
import "@/lib/api/v1/webhooks-spec";

export { generateOpenApiDocument } from "@/lib/api/v1/openapi";
