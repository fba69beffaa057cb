import type { Metadata } from "next";
import { ApiOperation, operationId, type Operation } from "@/components/tokens/api-operation";
import type { Components } from "@/components/tokens/schema-fields";
import { PageHeader } from "@/components/ui/page-header";
import { generateOpenApiDocument } from "@/lib/api/v1/spec";
import { requirePageUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "API documentation" };

export default async function ApiDocsPage() {
  await requirePageUser();
  const document = generateOpenApiDocument();
  const components = (document.components?.schemas ?? {}) as Components;
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (["get", "post", "put", "patch", "delete"] as const).flatMap((method) => {
      const operation = (item as Record<string, Operation | undefined>)[method];
      return operation ? [{ path, method, operation }] : [];
    }),
  );
  return (
    <>
      <PageHeader
        title="API documentation"
        description="A versioned REST API for integrations: create and update leads by their CRM id, stream timeline events in batches, and read leads with their timeline and diagnosis."
        actions={
          <a href="/api/v1/openapi.json" className="text-sm font-medium text-brand-700 hover:underline">
            OpenAPI 3.1 document (JSON)
          </a>
        }
      />
      <div className="mb-5 grid gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700 shadow-sm md:grid-cols-3">
        <p>
          <strong className="font-medium text-slate-900">Authenticate</strong> with{" "}
          <code className="font-mono text-xs">Authorization: Bearer &lt;token&gt;</code>. Admins create tokens under Settings, API tokens,
          or with <code className="font-mono text-xs">npm run baton -- token create</code>.
        </p>
        <p>
          <strong className="font-medium text-slate-900">Errors</strong> come as{" "}
          <code className="font-mono text-xs">{"{ error: { status, code, message, fields } }"}</code>; invalid fields carry their path, e.g.{" "}
          <code className="font-mono text-xs">events.3.occurredAt</code>.
        </p>
        <p>
          <strong className="font-medium text-slate-900">Limits</strong>: 600 requests a minute per token (429 with Retry-After), batches of
          up to 1,000, bodies up to 4 MB. Retry writes with the same Idempotency-Key.
        </p>
      </div>
      <nav aria-label="Operations" className="mb-5 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
        <ul className="grid gap-1 sm:grid-cols-2 xl:grid-cols-3">
          {operations.map(({ path, method, operation }) => (
            <li key={`${method} ${path}`}>
              <a href={`#${operationId(method, path)}`} className="text-brand-700 underline underline-offset-2">
                <span className="mr-1.5 font-mono text-xs text-slate-500 uppercase">{method}</span>
                {path}
              </a>
              <span className="text-slate-500"> · {operation.summary}</span>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-4">
        {operations.map(({ path, method, operation }) => (
          <ApiOperation key={`${method} ${path}`} method={method} path={path} operation={operation} components={components} />
        ))}
      </div>
    </>
  );
}
