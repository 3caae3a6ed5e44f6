import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUDIENCES, LENGTHS, UPDATE_CONTEXTS } from "../../../src/engine/types.ts";
import { type ApiHarness, sessionWithMessages, startApi } from "./api-harness.ts";
import { check, type Doc, lintSchema, resolveRef } from "./schema-check.ts";

/** Every documented operation: method, path, request body schema (if any), success status. */
const OPERATIONS = [
  ["post", "/ai-sessions", "CreateSessionRequest", "201"],
  ["get", "/ai-sessions/{session_id}", null, "200"],
  ["post", "/ai-sessions/{session_id}/messages", "AddMessagesRequest", "201"],
  ["post", "/ai-sessions/{session_id}/pause", "PauseRequest", "200"],
  ["post", "/ai-sessions/{session_id}/resume", null, "200"],
  ["post", "/ai-sessions/{session_id}/resolve", "ResolveRequest", "200"],
  ["post", "/ai-sessions/{session_id}/escalate", "EscalateRequest", "200"],
  ["post", "/ai-sessions/{session_id}/status-update", "StatusUpdateRequest", "201"],
  ["get", "/ai-sessions/{session_id}/updates", null, "200"],
  ["post", "/ai-sessions/{session_id}/updates/{update_id}/post-to-ticket", "PostToTicketRequest", "200"],
  ["get", "/health", null, "200"],
  ["get", "/openapi.json", null, "200"],
] as const;

type Operation = {
  security?: unknown[];
  parameters?: Array<{
    name: string;
    in: string;
    required?: boolean;
    schema: { type?: string; pattern?: string; minimum?: number; maximum?: number; default?: unknown };
  }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<
    string,
    {
      description: string;
      content?: Record<string, { schema: Record<string, unknown> }>;
      headers?: Record<string, { description: string; schema: { enum?: string[] } }>;
    }
  >;
};

describe("REST API: /openapi.json", () => {
  let api: ApiHarness;
  let doc: Doc & {
    openapi: string;
    info: Record<string, string>;
    paths: Record<string, Record<string, Operation>>;
  };
  beforeAll(async () => {
    api = await startApi();
    const res = await api.call("GET", "/openapi.json", undefined, { token: null });
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => api?.close());

  const op = (method: string, path: string) => doc.paths[path]?.[method] as Operation;
  const responseSchema = (method: string, path: string, status: string) =>
    op(method, path).responses[status]!.content!["application/json"]!.schema;

  it("is an OpenAPI 3.1 document with a bearer security scheme", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: "FlowPilot API", version: expect.any(String) });
    expect(doc.components).toMatchObject({
      securitySchemes: { bearerAuth: { type: "http", scheme: "bearer" } },
    });
  });

  it("documents exactly the served routes, each with its request and response schemas", () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect(documented.sort()).toEqual(OPERATIONS.map(([m, p]) => `${m} ${p}`).sort());
    for (const [method, path, requestSchema, success] of OPERATIONS) {
      const o = op(method, path);
      const label = `${method} ${path}`;
      const success2xx = o.responses[success];
      expect(success2xx?.content?.["application/json"]?.schema, label).toBeDefined();
      for (const [status, r] of Object.entries(o.responses)) {
        expect(r.description, `${label} ${status}`).toBeTruthy();
        expect(r.content?.["application/json"]?.schema, `${label} ${status}`).toBeDefined();
      }
      if (requestSchema) {
        expect(o.requestBody?.content["application/json"]?.schema, label).toEqual({
          $ref: `#/components/schemas/${requestSchema}`,
        });
      } else {
        expect(o.requestBody, label).toBeUndefined();
      }
      const pathParams = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect(
        (o.parameters ?? []).filter((p) => p.in === "path" && p.required).map((p) => p.name),
        label,
      ).toEqual(pathParams);
      const isPublic = path === "/health" || path === "/openapi.json";
      expect(o.security, label).toEqual(isPublic ? undefined : [{ bearerAuth: [] }]);
      if (!isPublic) {
        for (const status of ["400", "401", "404", "413", "422", "500"])
          expect(o.responses[status], `${label} ${status}`).toBeDefined();
      }
    }
    expect(
      op("post", "/ai-sessions/{session_id}/updates/{update_id}/post-to-ticket").responses["502"],
    ).toBeDefined();
  });

  it("has well-formed schemas whose references all resolve", () => {
    const problems = Object.entries(doc.components.schemas).flatMap(([name, s]) => lintSchema(doc, s, name));
    for (const [method, path] of OPERATIONS) {
      const o = op(method, path);
      for (const [status, r] of Object.entries(o.responses))
        problems.push(
          ...lintSchema(doc, r.content!["application/json"]!.schema, `${method} ${path} ${status}`),
        );
      const body = o.requestBody?.content["application/json"]?.schema;
      if (body) problems.push(...lintSchema(doc, body, `${method} ${path} request`));
    }
    expect(problems).toEqual([]);
  });

  it("describes the status-update request with the engine's enums and only audience required", () => {
    const request = resolveRef(doc, "#/components/schemas/StatusUpdateRequest") as {
      properties: Record<string, { enum: string[] }>;
      required: string[];
    };
    expect(request.required).toEqual(["audience"]);
    expect(request.properties.audience!.enum).toEqual([...AUDIENCES]);
    expect(request.properties.length!.enum).toEqual([...LENGTHS]);
    expect(request.properties.context!.enum).toEqual([...UPDATE_CONTEXTS]);
  });

  it("matches what the server actually answers", async () => {
    const id = await sessionWithMessages(api);
    const S = "/ai-sessions/{session_id}";
    const calls: Array<[string, string, string, string, unknown]> = [
      ["get", S, "200", `/ai-sessions/${id}`, undefined],
      ["post", `${S}/status-update`, "201", `/ai-sessions/${id}/status-update`, { audience: "ticket_notes" }],
      ["get", `${S}/updates`, "200", `/ai-sessions/${id}/updates`, undefined],
      ["post", `${S}/messages`, "201", `/ai-sessions/${id}/messages`, { text: "Re-scoped the rule." }],
      ["post", `${S}/pause`, "200", `/ai-sessions/${id}/pause`, {}],
      ["post", `${S}/resume`, "200", `/ai-sessions/${id}/resume`, undefined],
      ["post", `${S}/resolve`, "200", `/ai-sessions/${id}/resolve`, { summary: "Mail flows again" }],
      ["post", `${S}/status-update`, "404", "/ai-sessions/nope/status-update", { audience: "ticket_notes" }],
      ["post", `${S}/status-update`, "422", `/ai-sessions/${id}/status-update`, { audience: "x" }],
      ["get", "/health", "200", "/health", undefined],
    ];
    for (const [method, path, status, url, body] of calls) {
      const res = await api.call(method.toUpperCase(), url, body);
      expect(String(res.status), url).toBe(status);
      expect(check(doc, responseSchema(method, path, status), res.body), `${method} ${url}`).toEqual([]);
    }
    const created = await api.call("POST", "/ai-sessions", {
      ticket_id: "T-1",
      engineer: { id: "e", name: "E" },
    });
    expect(check(doc, responseSchema("post", "/ai-sessions", "201"), created.body)).toEqual([]);
    const unauthorized = await api.call("GET", `/ai-sessions/${id}`, undefined, { token: null });
    expect(check(doc, responseSchema("get", S, "401"), unauthorized.body)).toEqual([]);
  });

  it("documents Idempotency-Key on every POST (with the format the server enforces) and Idempotency-Replayed on its answers", async () => {
    for (const [method, path, , success] of OPERATIONS) {
      if (path === "/health" || path === "/openapi.json") continue;
      const o = op(method, path);
      const key = o.parameters?.find((p) => p.in === "header" && p.name === "Idempotency-Key");
      const replayed = o.responses[success]!.headers?.["Idempotency-Replayed"];
      if (method === "post") {
        expect(key, path).toMatchObject({ required: false, schema: { type: "string" } });
        expect(replayed?.schema.enum, path).toEqual(["true"]);
        expect(o.responses["409"]!.headers, `${path} 409`).toBeUndefined();
      } else {
        expect(key, path).toBeUndefined();
        expect(replayed, path).toBeUndefined();
      }
    }
    // The documented pattern accepts what the server takes and refuses what it answers 422.
    const pattern = new RegExp(
      op("post", "/ai-sessions/{session_id}/messages").parameters!.find((p) => p.name === "Idempotency-Key")!
        .schema.pattern!,
    );
    const id = await sessionWithMessages(api);
    for (const key of ["3f1c9a52-7c4e-4b8e-9d1a-2f6b8c0e4d11", "retry 1", "x".repeat(201)]) {
      const headers = { "idempotency-key": key };
      const first = await api.call(
        "POST",
        `/ai-sessions/${id}/messages`,
        { text: `with ${key}` },
        { headers },
      );
      expect(first.status === 201, key).toBe(pattern.test(key));
      if (first.status !== 201) {
        expect(first.body.error.field).toBe("Idempotency-Key");
        continue;
      }
      const again = await api.call(
        "POST",
        `/ai-sessions/${id}/messages`,
        { text: `with ${key}` },
        { headers },
      );
      expect(again.headers.get("idempotency-replayed")).toBe("true");
    }
  });

  it("documents the update list's paging: limit (1-200, default 50), an opaque cursor, next_cursor in the reply", () => {
    const params = op("get", "/ai-sessions/{session_id}/updates").parameters!;
    expect(params.find((p) => p.name === "limit")).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "integer", minimum: 1, maximum: 200, default: 50 },
    });
    expect(params.find((p) => p.name === "cursor")).toMatchObject({
      in: "query",
      required: false,
      schema: { type: "string" },
    });
    const list = resolveRef(doc, "#/components/schemas/UpdateList") as {
      required: string[];
      properties: Record<string, { type: unknown }>;
    };
    expect(list.required.sort()).toEqual(["next_cursor", "updates"]);
    expect(list.properties.next_cursor!.type).toEqual(["string", "null"]);
  });

  it("the checker does catch a response that breaks the schema", () => {
    const schema = responseSchema("post", "/ai-sessions/{session_id}/status-update", "201");
    expect(check(doc, schema, { content: "x", audience: "sms" })).toEqual(
      expect.arrayContaining(["$.audience: not in enum", "$.update_id: required"]),
    );
  });
});
