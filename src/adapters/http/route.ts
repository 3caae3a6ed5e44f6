import type { z } from "zod";
import type { ApiCaller } from "../../sessions/api/index.ts";

/** A handler's answer: the status picks which declared response schema serialises the body. */
export interface Reply {
  status: number;
  body: unknown;
}

export interface ResponseSpec {
  description: string;
  schema: z.ZodType;
}

/**
 * One authenticated API route, declared once: the Hono app serves it and the
 * OpenAPI document describes it from the same schemas.
 */
export interface ApiRoute {
  method: "get" | "post";
  /** OpenAPI form, e.g. /ai-sessions/{session_id}. */
  path: string;
  summary: string;
  params?: z.ZodObject;
  /** Query parameters, validated like a body (422 naming the parameter). */
  query?: z.ZodObject;
  body?: { schema: z.ZodType; required: boolean };
  responses: Record<number, ResponseSpec>;
  handle(input: {
    caller: ApiCaller;
    params: Record<string, string>;
    query: unknown;
    body: unknown;
  }): Promise<Reply>;
}

/** Declares a route with its body (and query) typed from their schemas. */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
>(
  spec: Omit<ApiRoute, "body" | "query" | "handle"> & {
    body?: B extends z.ZodType ? { schema: B; required: boolean } : never;
    query?: Q;
    handle(input: {
      caller: ApiCaller;
      params: Record<string, string>;
      query: Q extends z.ZodObject ? z.output<Q> : undefined;
      body: B extends z.ZodType ? z.output<B> : undefined;
    }): Promise<Reply>;
  },
): ApiRoute {
  return spec as ApiRoute;
}
