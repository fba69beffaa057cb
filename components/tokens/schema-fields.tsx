// Renders a JSON Schema from the OpenAPI document as a readable field list: name, type, whether it is
// required, allowed values and the description. $refs to components are followed (to a depth limit).

/** The part of JSON Schema the OpenAPI document uses; the API fuzz test shapes its bodies by it too. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  description?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
};

export type Components = Record<string, JsonSchema>;

export function resolve(schema: JsonSchema, components: Components): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  return { ...(components[name] ?? {}), description: schema.description ?? components[name]?.description };
}

export function typeLabel(input: JsonSchema, components: Components): string {
  const schema = resolve(input, components);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.map((variant) => typeLabel(variant, components)).join(" or ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const base = types.filter((type) => type !== "null");
  let label = base[0] === "array" && schema.items ? `array of ${typeLabel(schema.items, components)}` : (base[0] ?? "object");
  if (schema.format) label += ` (${schema.format})`;
  if (schema.maxItems) label += `, at most ${schema.maxItems.toLocaleString("en")}`;
  if (types.includes("null")) label += " or null";
  return label;
}

function childObject(input: JsonSchema, components: Components): JsonSchema[] {
  const schema = resolve(input, components);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return variants.flatMap((variant) => childObject(variant, components));
  if (schema.items) return childObject(schema.items, components);
  return schema.properties ? [schema] : [];
}

export function SchemaFields({ schema, components, depth = 0 }: { schema: JsonSchema; components: Components; depth?: number }) {
  const objects = childObject(schema, components);
  if (objects.length === 0 || depth > 3) return null;
  return (
    <div className={depth ? "mt-1 space-y-2 border-l border-slate-200 pl-3" : "space-y-2"}>
      {objects.map((object, variant) => (
        <div key={variant}>
          {objects.length > 1 && <p className="text-xs font-medium text-slate-500">{variant === 0 ? "Either" : "or"}</p>}
          <dl className="divide-y divide-slate-100">
            {Object.entries(object.properties ?? {}).map(([name, property]) => {
              const resolved = resolve(property, components);
              return (
                <div key={name} className="py-1.5">
                  <dt className="flex flex-wrap items-baseline gap-x-2 text-sm">
                    <code className="font-mono text-slate-900">{name}</code>
                    <span className="text-xs text-slate-500">{typeLabel(property, components)}</span>
                    {object.required?.includes(name) && <span className="text-xs font-medium text-amber-700">required</span>}
                  </dt>
                  {/* A nested object's fields sit inside the dd: a dl's groups hold only dt and dd. */}
                  {(resolved.description || resolved.enum || childObject(property, components).length > 0) && (
                    <dd className="mt-0.5 text-xs leading-relaxed text-slate-600">
                      {resolved.description}
                      {resolved.enum && (
                        <span className="flex flex-wrap items-baseline gap-1">
                          One of:{" "}
                          {resolved.enum.map((value) => (
                            <code key={String(value)} className="rounded bg-slate-100 px-1 font-mono">
                              {String(value)}
                            </code>
                          ))}
                        </span>
                      )}
                      <SchemaFields schema={property} components={components} depth={depth + 1} />
                    </dd>
                  )}
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </div>
  );
}
