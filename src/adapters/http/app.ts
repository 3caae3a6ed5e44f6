import { randomUUID } from "node:crypto";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { isFlowPilotError } from "../../errors.ts";
import type { ApiDeps } from "../../sessions/api/index.ts";
import { type AuthEnv, bearerAuth } from "./auth.ts";
import { errorBody, HttpError, STATUS_BY_CODE } from "./errors.ts";
import { answerOnce } from "./idempotency.ts";
import { buildOpenApiDocument } from "./openapi.ts";
import { rateLimit } from "./rate-limit.ts";
import type { ApiRoute } from "./route.ts";
import { apiRoutes } from "./routes.ts";
import { readJsonBody, readQuery } from "./validate.ts";

/** Largest request body accepted. */
export const MAX_BODY_BYTES = 1024 * 1024;

const honoPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ":$1");

/**
 * The REST API as a Hono app: /health and /openapi.json are public, every
 * /ai-sessions route needs a bearer token and sees only its account's data.
 * Errors are answered in one place: typed engine errors by their code, HTTP
 * errors as raised, anything else as a 500 with a correlation id in the log.
 */
export function createHttpApp(
  deps: ApiDeps,
  options: {
    version?: string;
    /** Per account; default 300. */
    requestsPerMinute?: number;
    /** Where the budget is counted when several processes share it; this process's memory by default. */
    requestBudget?: RateLimiterAbstract;
  } = {},
) {
  const routes = apiRoutes(deps);
  const document = buildOpenApiDocument(routes, { version: options.version ?? "0.1.0" });
  const app = new Hono<AuthEnv>();

  // One audit line per call: who, which route, the answer and how long it took; never a body.
  app.use("*", async (c, next) => {
    const started = performance.now();
    const correlationId = randomUUID().slice(0, 8);
    c.set("correlationId", correlationId);
    await next();
    c.header("X-Correlation-Id", correlationId);
    deps.logger?.info(
      {
        audit: true,
        account: c.get("caller")?.account.id ?? null,
        method: c.req.method,
        route: c.req.routePath,
        status: c.res.status,
        latencyMs: Math.round((performance.now() - started) * 10) / 10,
        correlationId,
      },
      "api call",
    );
  });

  app.onError((err, c) => {
    if (err instanceof HttpError) {
      for (const [name, value] of Object.entries(err.headers)) c.header(name, value);
      return c.json(
        errorBody(err.code, err.message, err.field ? { field: err.field } : {}),
        err.status as ContentfulStatusCode,
      );
    }
    if (isFlowPilotError(err)) {
      return c.json(errorBody(err.code, err.userMessage), STATUS_BY_CODE[err.code] as ContentfulStatusCode);
    }
    const correlationId = c.get("correlationId") ?? randomUUID().slice(0, 8);
    deps.logger?.error(
      {
        err: describeError(err),
        correlationId,
        method: c.req.method,
        route: c.req.routePath,
      },
      "http request failed",
    );
    return c.json(
      errorBody("internal", "Something went wrong on our side.", { correlation_id: correlationId }),
      500,
    );
  });
  app.notFound((c) =>
    c.json(errorBody("not_found", `No route ${c.req.method} ${c.req.path.slice(0, 80)}.`), 404),
  );

  app.get("/health", (c) => c.json({ status: "ok" as const }));
  app.get("/openapi.json", (c) => c.json(document));

  // "/ai-sessions/*" covers "/ai-sessions" too. Authenticate first: nobody unknown gets a body read.
  app.use("/ai-sessions/*", bearerAuth(deps));
  app.use("/ai-sessions/*", rateLimit(options.requestsPerMinute ?? 300, options.requestBudget));
  app.use(
    "/ai-sessions/*",
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HttpError(
          413,
          "payload_too_large",
          `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
        );
      },
    }),
  );
  for (const route of routes) mount(app, route, deps);
  return app;
}

/**
 * What of an unknown error goes to the log: its first line and stack frames.
 * Driver errors can quote the query's values (message text) on later lines.
 */
function describeError(err: unknown) {
  if (!(err instanceof Error)) return { type: typeof err };
  const frames = (err.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return { name: err.name, message: err.message.split("\n")[0], stack: frames.join("\n") };
}

function mount(app: Hono<AuthEnv>, route: ApiRoute, deps: ApiDeps) {
  app.on(route.method.toUpperCase(), honoPath(route.path), async (c) => {
    const query = route.query ? readQuery(c, route.query) : undefined;
    const body = route.body ? await readJsonBody(c, route.body.schema) : undefined;
    const answer = async () => {
      const reply = await route.handle({ caller: c.get("caller"), params: c.req.param(), query, body });
      const spec = route.responses[reply.status];
      if (!spec) throw new Error(`route ${route.path} answered undeclared status ${reply.status}`);
      return { status: reply.status, body: spec.schema.parse(reply.body) as unknown };
    };
    const key = c.req.header("idempotency-key");
    const reply =
      route.method === "post" && key !== undefined
        ? await answerOnce(deps, {
            accountId: c.get("caller").account.id,
            scope: `${c.req.method} ${c.req.path}`,
            key,
            body,
            answer,
            replayed: () => c.header("Idempotency-Replayed", "true"),
          })
        : await answer();
    return c.json(reply.body as object, reply.status as ContentfulStatusCode);
  });
}
