import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { text } from "node:stream/consumers";
import type { ConnectWiseSettings } from "../../src/psa/connectwise/settings.ts";

/**
 * A ConnectWise PSA (Manage) REST API on 127.0.0.1 speaking the documented
 * wire format: Basic `companyId+publicKey:privateKey` plus `clientId`
 * headers, tickets, ticket notes and members under
 * `/{codebase}/apis/3.0`. Faults are queued per route: 500 (optionally after
 * storing the note), 429 with Retry-After, a hang (optionally after storing),
 * or a slow answer.
 */
export type Fault =
  | { kind: "status"; status: number; retryAfter?: string; afterCreate?: boolean }
  | { kind: "hang"; afterCreate?: boolean }
  /** Answers normally, after this long (a busy PSA). */
  | { kind: "slow"; ms: number; afterCreate?: undefined };

export interface FakeNote {
  id: number;
  ticketId: number;
  text: string;
  detailDescriptionFlag: boolean;
  internalAnalysisFlag: boolean;
  resolutionFlag: boolean;
  member?: { identifier: string };
  dateCreated: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  at: number;
  headers: IncomingMessage["headers"];
  body?: unknown;
}

export interface FakeTicket {
  id: number;
  summary: string;
  company?: { id: number; identifier: string; name: string };
  contact?: { id: number; name: string };
}

const CODEBASE = "v4_6_release";

/** The ticket most tests work on. */
export const ACME_TICKET: FakeTicket = {
  id: 48213,
  summary: "Email delivery issue",
  company: { id: 7, identifier: "AcmeMed", name: "Acme Medical Group" },
  contact: { id: 31, name: "Dana Ruiz" },
};

export async function startFakeConnectWise() {
  const credentials = {
    companyId: "acmemsp",
    publicKey: "pub-4F2a",
    privateKey: "priv-S3cr3t-9x",
    clientId: "0f6a2c1e-1111-4a7b-9c1d-6f4e2b8a9d00",
  };
  const tickets = new Map<number, FakeTicket>();
  const notes: FakeNote[] = [];
  const members = [
    { identifier: "sokafor", firstName: "Sam", lastName: "Okafor", officeEmail: "sam@acmemsp.example" },
  ];
  const requests: RecordedRequest[] = [];
  const faults: Array<{ method: string; pattern: RegExp; fault: Fault }> = [];
  const hanging = new Set<ServerResponse>();
  let nextNoteId = 9001;

  const expectedAuth = `Basic ${Buffer.from(`${credentials.companyId}+${credentials.publicKey}:${credentials.privateKey}`).toString("base64")}`;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const raw = await text(req);
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, { code: "InvalidObject", message: "Request body is not valid JSON" });
    }
    requests.push({
      method: req.method ?? "",
      path: url.pathname + url.search,
      at: Date.now(),
      headers: req.headers,
      body,
    });

    const prefix = `/${CODEBASE}/apis/3.0`;
    if (!url.pathname.startsWith(prefix))
      return send(res, 404, { code: "NotFound", message: "Unknown codebase" });
    if (req.headers.authorization !== expectedAuth || req.headers.clientid !== credentials.clientId) {
      return send(res, 401, { code: "Unauthorized", message: "Authentication failed" });
    }
    const path = url.pathname.slice(prefix.length);
    const faultIndex = faults.findIndex((f) => f.method === req.method && f.pattern.test(path));
    const queued = faultIndex >= 0 ? faults.splice(faultIndex, 1)[0]!.fault : undefined;
    if (queued?.kind === "slow") await new Promise((r) => setTimeout(r, queued.ms));
    const fault = queued?.kind === "slow" ? undefined : queued;

    const ticketMatch = /^\/service\/tickets\/(\d+)$/.exec(path);
    const notesMatch = /^\/service\/tickets\/(\d+)\/notes$/.exec(path);
    if (fault && !fault.afterCreate) return applyFault(res, fault);

    if (req.method === "GET" && ticketMatch) {
      const ticket = tickets.get(Number(ticketMatch[1]));
      return ticket
        ? send(res, 200, ticket)
        : send(res, 404, { code: "NotFound", message: "Ticket not found" });
    }
    if (notesMatch) {
      const ticketId = Number(notesMatch[1]);
      if (!tickets.has(ticketId)) return send(res, 404, { code: "NotFound", message: "Ticket not found" });
      if (req.method === "GET") {
        const pageSize = Number(url.searchParams.get("pageSize") ?? 25);
        const desc = /desc/i.test(url.searchParams.get("orderBy") ?? "");
        const list = notes
          .filter((n) => n.ticketId === ticketId)
          .sort((a, b) => (desc ? b.id - a.id : a.id - b.id));
        return send(res, 200, list.slice(0, pageSize));
      }
      if (req.method === "POST") {
        const problem = validateNote(body);
        if (problem)
          return send(res, 400, {
            code: "InvalidObject",
            message: "note object is invalid",
            errors: [problem],
          });
        const b = body as Omit<FakeNote, "id" | "ticketId" | "dateCreated">;
        const note: FakeNote = {
          id: nextNoteId++,
          ticketId,
          text: b.text.replace(/\n/g, "\r\n"),
          detailDescriptionFlag: b.detailDescriptionFlag ?? false,
          internalAnalysisFlag: b.internalAnalysisFlag ?? false,
          resolutionFlag: b.resolutionFlag ?? false,
          ...(b.member ? { member: b.member } : {}),
          dateCreated: new Date().toISOString(),
        };
        notes.push(note);
        if (fault) return applyFault(res, fault);
        return send(res, 201, note);
      }
    }
    if (req.method === "GET" && path === "/system/info") {
      return send(res, 200, {
        version: "v2025.1.10431",
        isCloud: true,
        serverTimeZone: "Eastern Standard Time",
      });
    }
    if (req.method === "GET" && path === "/system/members") {
      const condition = /^(identifier|officeEmail)="(.*)"$/.exec(url.searchParams.get("conditions") ?? "");
      const found = condition
        ? members.filter(
            (m) =>
              m[condition[1] as "identifier" | "officeEmail"].toLowerCase() === condition[2]!.toLowerCase(),
          )
        : members;
      return send(res, 200, found);
    }
    return send(res, 404, { code: "NotFound", message: `No route ${req.method} ${path}` });
  });

  function applyFault(res: ServerResponse, fault: Exclude<Fault, { kind: "slow" }>) {
    if (fault.kind === "hang") {
      hanging.add(res);
      return;
    }
    res.statusCode = fault.status;
    if (fault.retryAfter !== undefined) res.setHeader("Retry-After", fault.retryAfter);
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify({ code: "ServerError", message: `Injected ${fault.status}` }));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const settings: ConnectWiseSettings = {
    site: `http://127.0.0.1:${port}`,
    codebase: CODEBASE,
    ...credentials,
  };

  return {
    settings,
    notes,
    requests,
    addTicket(ticket: FakeTicket) {
      tickets.set(ticket.id, ticket);
    },
    /** The next `method` request whose path (after /apis/3.0) matches gets this fault. */
    fail(method: "GET" | "POST", pattern: RegExp, fault: Fault, times = 1) {
      for (let i = 0; i < times; i++) faults.push({ method, pattern, fault });
    },
    clearFaults() {
      faults.length = 0;
    },
    notesOn: (ticketId: number) => notes.filter((n) => n.ticketId === ticketId),
    postsTo: (ticketId: number) =>
      requests.filter((r) => r.method === "POST" && r.path.endsWith(`/service/tickets/${ticketId}/notes`)),
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeConnectWise = Awaited<ReturnType<typeof startFakeConnectWise>>;

function validateNote(body: unknown): { code: string; message: string; field: string } | undefined {
  if (!body || typeof body !== "object")
    return { code: "Required", message: "A note body is required", field: "text" };
  const b = body as Record<string, unknown>;
  if (typeof b.text !== "string" || !b.text.trim())
    return { code: "Required", message: "text is required", field: "text" };
  for (const flag of ["detailDescriptionFlag", "internalAnalysisFlag", "resolutionFlag"]) {
    if (b[flag] !== undefined && typeof b[flag] !== "boolean")
      return { code: "InvalidType", message: `${flag} must be a boolean`, field: flag };
  }
  if (!b.detailDescriptionFlag && !b.internalAnalysisFlag && !b.resolutionFlag)
    return {
      code: "InvalidObject",
      message: "At least one of detailDescriptionFlag, internalAnalysisFlag or resolutionFlag must be set",
      field: "detailDescriptionFlag",
    };
  return undefined;
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader("Content-Type", "application/json");
  res.end(JSON.stringify(body));
}
