/**
 * A small JSON Schema (OpenAPI 3.1 dialect) checker for the tests: enough of
 * the keywords our generated document uses to check that live responses
 * match the document, and that the document itself is well formed. No
 * validator package is installed, and adding one is not worth a dependency.
 */

type Schema = Record<string, unknown>;
export type Doc = { components: { schemas: Record<string, Schema> } } & Record<string, unknown>;

const JSON_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

export function resolveRef(doc: Doc, ref: string): Schema {
  const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
  const target = m ? doc.components.schemas[m[1]!] : undefined;
  if (!target) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** Problems found validating `value` against `schema` ([] when it matches). */
export function check(doc: Doc, schema: Schema, value: unknown, at = "$"): string[] {
  if (typeof schema.$ref === "string") return check(doc, resolveRef(doc, schema.$ref), value, at);
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = schema[key] as Schema[] | undefined;
    if (options) {
      const passing = options.filter((s) => check(doc, s, value, at).length === 0).length;
      if (key === "anyOf" ? passing === 0 : passing !== 1) return [`${at}: does not match ${key}`];
    }
  }
  const problems: string[] = [];
  if (schema.type !== undefined) {
    const types = ([] as string[]).concat(schema.type as string | string[]);
    const actual = typeOf(value);
    if (!types.some((t) => t === actual || (t === "number" && actual === "integer")))
      return [`${at}: expected ${types.join("|")}, got ${actual}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${at}: not in enum`);
  if ("const" in schema && schema.const !== value) problems.push(`${at}: not ${String(schema.const)}`);
  if (typeof value === "string") {
    if (schema.format === "date-time" && Number.isNaN(Date.parse(value)))
      problems.push(`${at}: not a date-time`);
    if (schema.format === "uuid" && !/^[0-9a-f-]{36}$/i.test(value)) problems.push(`${at}: not a uuid`);
    if (typeof schema.minLength === "number" && value.length < schema.minLength)
      problems.push(`${at}: too short`);
  }
  if (typeof value === "number" && typeof schema.minimum === "number" && value < schema.minimum)
    problems.push(`${at}: below minimum`);
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => {
      problems.push(...check(doc, schema.items as Schema, item, `${at}[${i}]`));
    });
  if (typeOf(value) === "object") {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in obj)) problems.push(`${at}.${name}: required`);
    for (const [name, v] of Object.entries(obj)) {
      if (props[name]) problems.push(...check(doc, props[name], v, `${at}.${name}`));
      else if (schema.properties && schema.additionalProperties === false)
        problems.push(`${at}.${name}: not allowed`);
    }
  }
  return problems;
}

/** Structural problems of a schema: unknown types, required fields that are not properties, bad refs. */
export function lintSchema(doc: Doc, schema: Schema, at: string): string[] {
  const problems: string[] = [];
  const visit = (s: Schema, path: string) => {
    if (typeof s.$ref === "string") {
      try {
        resolveRef(doc, s.$ref);
      } catch (err) {
        problems.push(`${path}: ${(err as Error).message}`);
      }
      return;
    }
    for (const t of ([] as unknown[]).concat(s.type ?? []))
      if (!JSON_TYPES.has(t as string)) problems.push(`${path}: unknown type ${String(t)}`);
    const props = (s.properties ?? {}) as Record<string, Schema>;
    for (const name of (s.required ?? []) as string[])
      if (!(name in props)) problems.push(`${path}: required ${name} is not a property`);
    for (const [name, p] of Object.entries(props)) visit(p, `${path}.${name}`);
    if (s.items) visit(s.items as Schema, `${path}[]`);
    for (const key of ["anyOf", "oneOf", "allOf"])
      (s[key] as Schema[] | undefined)?.forEach((x, i) => {
        visit(x, `${path}.${key}[${i}]`);
      });
  };
  visit(schema, at);
  return problems;
}
