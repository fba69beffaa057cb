import clsx from "clsx";
import { SchemaFields, typeLabel, type Components, type JsonSchema } from "@/components/tokens/schema-fields";

// One operation of the OpenAPI document: method and path, what it does, its parameters, body and
// responses. Rendered on the server from the same document /api/v1/openapi.json serves.

export interface Operation {
  summary?: string;
  description?: string;
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
}

const METHOD_TONES: Record<string, string> = {
  get: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  post: "bg-brand-50 text-brand-700 ring-brand-100",
  put: "bg-amber-50 text-amber-800 ring-amber-200",
  delete: "bg-red-50 text-red-800 ring-red-200",
};

/** The anchor of an operation's section: "post-/leads/batch" -> "post-leads-batch". */
export function operationId(method: string, path: string): string {
  return `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-+$/, "");
}

export function ApiOperation({
  method,
  path,
  operation,
  components,
}: {
  method: string;
  path: string;
  operation: Operation;
  components: Components;
}) {
  const id = operationId(method, path);
  const body = operation.requestBody?.content?.["application/json"]?.schema;
  const success = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith("2"));
  const errors = Object.entries(operation.responses ?? {}).filter(([status]) => !status.startsWith("2"));
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-sm">
      <header className="border-b border-slate-100 px-4 py-3">
        <h2 id={`${id}-title`} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
          <span
            className={clsx(
              "rounded px-1.5 py-0.5 font-mono text-xs uppercase ring-1 ring-inset",
              METHOD_TONES[method] ?? "bg-slate-100 text-slate-700 ring-slate-200",
            )}
          >
            {method}
          </span>
          <code className="font-mono">/api/v1{path}</code>
          <span className="font-normal text-slate-600">{operation.summary}</span>
        </h2>
        {operation.description && <p className="mt-1 max-w-4xl text-xs leading-relaxed text-slate-600">{operation.description}</p>}
      </header>
      <div className="grid gap-5 px-4 py-3 lg:grid-cols-2">
        <div className="space-y-4">
          {operation.parameters && operation.parameters.length > 0 && (
            <div>
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Parameters</h3>
              <dl className="mt-1 divide-y divide-slate-100">
                {operation.parameters.map((parameter) => (
                  <div key={`${parameter.in}-${parameter.name}`} className="py-1.5">
                    <dt className="flex flex-wrap items-baseline gap-x-2 text-sm">
                      <code className="font-mono text-slate-900">{parameter.name}</code>
                      <span className="text-xs text-slate-500">
                        {parameter.in}, {parameter.schema ? typeLabel(parameter.schema, components) : "string"}
                      </span>
                      {parameter.required && <span className="text-xs font-medium text-amber-700">required</span>}
                    </dt>
                    {parameter.description && <dd className="mt-0.5 text-xs text-slate-600">{parameter.description}</dd>}
                  </div>
                ))}
              </dl>
            </div>
          )}
          {body && (
            <div>
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Request body (JSON)</h3>
              <div className="mt-1">
                <SchemaFields schema={body} components={components} />
              </div>
            </div>
          )}
        </div>
        <div className="space-y-4">
          {success.map(([status, response]) => (
            <div key={status}>
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {status} <span className="font-normal tracking-normal text-slate-600 normal-case">{response.description}</span>
              </h3>
              {response.content?.["application/json"]?.schema && (
                <div className="mt-1">
                  <SchemaFields schema={response.content["application/json"].schema} components={components} />
                </div>
              )}
            </div>
          ))}
          <div>
            <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Errors</h3>
            <ul className="mt-1 space-y-0.5 text-xs text-slate-600">
              {errors.map(([status, response]) => (
                <li key={status}>
                  <code className="font-mono text-slate-900">{status}</code> {response.description}
                </li>
              ))}
            </ul>
          </div>
        </div>
      </div>
    </section>
  );
}
