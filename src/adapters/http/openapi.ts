import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { IDEMPOTENCY_KEY_FORMAT } from "./idempotency.ts";
import type { ApiRoute, ResponseSpec } from "./route.ts";
import { errorSchema, healthSchema } from "./schemas.ts";

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const response = (r: ResponseSpec) => ({ description: r.description, content: json(r.schema) });

/** Every POST takes an Idempotency-Key (see idempotency.ts). */
const idempotencyHeaders = z.object({
  "Idempotency-Key": z.string().regex(IDEMPOTENCY_KEY_FORMAT).optional().meta({
    description:
      "Makes a retry safe: a repeat with the same key and body replays the first answer without running again (for 24 hours); the same key with another body is 422; a repeat while the first still runs is 409. 1 to 200 visible ASCII characters, a UUID is ideal",
    example: "6f1c2d1e-2b9a-4f57-9a43-0c1e8d7a5b21",
  }),
});
const replayedHeader = {
  "Idempotency-Replayed": {
    description: "`true` when this is the stored answer to an earlier request with the same Idempotency-Key",
    schema: { type: "string" as const, enum: ["true"] },
  },
};

/** The error answers every authenticated route can give. */
const COMMON_ERRORS: Record<number, string> = {
  400: "The body is not valid JSON",
  401: "Missing, unknown or revoked API token",
  404: "No such session in this account (another account's sessions are not visible)",
  409: "Not possible in the session's state (closed session, too few messages, PSA not connected)",
  413: "The body is larger than 1 MB",
  422: "A field is missing or invalid; `error.field` names it",
  500: "Internal error; `error.correlation_id` identifies it in the logs",
};

/** The OpenAPI 3.1 document, generated from the routes' own zod schemas. */
export function buildOpenApiDocument(routes: ApiRoute[], info: { version: string }) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearerAuth", {
    type: "http",
    scheme: "bearer",
    description: "An API token from `flowpilot token create` (fp_…)",
  });
  for (const route of routes) {
    const idempotent = route.method === "post";
    const responses: Record<string, ReturnType<typeof response> & { headers?: typeof replayedHeader }> = {};
    for (const [status, spec] of Object.entries(route.responses))
      responses[status] = { ...response(spec), ...(idempotent ? { headers: replayedHeader } : {}) };
    for (const [status, description] of Object.entries(COMMON_ERRORS))
      responses[status] ??= response({ description, schema: errorSchema });
    registry.registerPath({
      method: route.method,
      path: route.path,
      summary: route.summary,
      security: [{ [bearer.name]: [] }],
      request: {
        ...(route.params ? { params: route.params } : {}),
        ...(route.query ? { query: route.query } : {}),
        ...(idempotent ? { headers: idempotencyHeaders } : {}),
        ...(route.body ? { body: { required: route.body.required, content: json(route.body.schema) } } : {}),
      },
      responses,
    });
  }
  registry.registerPath({
    method: "get",
    path: "/health",
    summary: "Liveness check (no token needed)",
    responses: { 200: response({ description: "The server is up", schema: healthSchema }) },
  });
  registry.registerPath({
    method: "get",
    path: "/openapi.json",
    summary: "This document (no token needed)",
    responses: {
      200: response({ description: "The OpenAPI 3.1 document", schema: z.record(z.string(), z.unknown()) }),
    },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "FlowPilot API",
      version: info.version,
      description:
        "Troubleshooting sessions and status updates (ticket notes, client updates, email drafts) for MSP engineers.",
    },
  });
}
