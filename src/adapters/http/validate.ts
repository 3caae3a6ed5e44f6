import type { Context } from "hono";
import type { z } from "zod";
import { firstIssue } from "../../zod-issue.ts";
import { HttpError } from "./errors.ts";

/**
 * Reads and validates a JSON request body. Not JSON: 400 invalid_json. Not
 * the schema: 422 invalid_input naming the first field at fault. An empty body
 * reads as `{}`, so bodies whose fields are all optional may be left out.
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const raw = await c.req.text();
  let parsed: unknown = {};
  if (raw.trim()) {
    const type = c.req.header("content-type") ?? "";
    if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type.trim()))
      throw new HttpError(
        415,
        "unsupported_media_type",
        `Send the body as JSON with Content-Type: application/json${type ? ` (got ${type.slice(0, 60)})` : ""}.`,
      );
    try {
      parsed = JSON.parse(raw);
    } catch (err) {
      throw new HttpError(
        400,
        "invalid_json",
        `The request body is not valid JSON: ${(err as Error).message}`,
      );
    }
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/** Reads and validates the query string; a parameter that does not fit is 422 naming it. */
export function readQuery<S extends z.ZodObject>(c: Context, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.query());
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}

/** A zod error as the API's 422: `field: problem`, with the field's dotted path. */
export function invalidInput(error: z.ZodError): HttpError {
  const { field, problem } = firstIssue(error);
  return new HttpError(
    422,
    "invalid_input",
    field ? `${field}: ${problem}` : `request body: ${problem}`,
    field,
  );
}
