import pRetry from "p-retry";
import type { TicketDetails, TicketNote } from "../../domain/index.ts";
import { FlowPilotError } from "../../errors.ts";
import { PsaRequestError } from "../errors.ts";
import type { PostedNote, PsaClient, PsaMember } from "../types.ts";
import { connectWiseBaseUrl, connectWiseHeaders, connectWiseTicketNumber } from "./connection.ts";
import { CONNECTWISE_NOTE_MAX_CHARS, connectWiseNoteBody, isSameNote } from "./note-body.ts";
import { connectWiseRequest } from "./request.ts";
import type { ConnectWiseSettings } from "./settings.ts";

export interface RetryPolicy {
  /** Retries after the first attempt (5xx, 429, timeouts, network). */
  retries: number;
  /** First backoff delay; doubles each retry. */
  minDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the post fails and says so. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 3,
  minDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

export interface ConnectWiseClientOptions {
  timeoutMs: number;
  retry?: Partial<RetryPolicy>;
}

/** How many of the ticket's newest notes are compared when checking for a duplicate. */
const DUPLICATE_SCAN = 25;

/** ConnectWise PSA (Manage) over its REST API, behind the PsaClient interface. */
export function createConnectWiseClient(
  settings: ConnectWiseSettings,
  options: ConnectWiseClientOptions,
): PsaClient {
  const base = connectWiseBaseUrl(settings);
  const headers = connectWiseHeaders(settings);
  const policy = { ...DEFAULT_RETRY_POLICY, ...options.retry };

  const call = (method: "GET" | "POST", path: string, body?: unknown) =>
    connectWiseRequest({ method, url: `${base}${path}`, headers, body, timeoutMs: options.timeoutMs });

  /** Retries retryable failures with backoff, waiting at least as long as Retry-After asks. */
  function withRetries<T>(work: () => Promise<T>): Promise<T> {
    return pRetry(work, {
      retries: policy.retries,
      minTimeout: policy.minDelayMs,
      maxTimeout: policy.maxDelayMs,
      factor: 2,
      shouldRetry: ({ error }) =>
        error instanceof PsaRequestError &&
        error.retryable &&
        (error.retryAfterMs ?? 0) <= policy.maxRetryAfterMs,
      onFailedAttempt: async ({ error, retriesLeft }) => {
        const wait = error instanceof PsaRequestError ? error.retryAfterMs : undefined;
        if (wait && retriesLeft > 0 && wait <= policy.maxRetryAfterMs) await sleep(wait);
      },
    });
  }

  function requireTicketNumber(ticketId: string): string {
    const number = connectWiseTicketNumber(ticketId);
    if (!number)
      throw new FlowPilotError(
        "invalid_input",
        `"${ticketId}" is not a ConnectWise ticket number; ConnectWise tickets are numeric (e.g. 12345).`,
      );
    return number;
  }

  return {
    provider: "connectwise",

    async getTicket(ticketId: string): Promise<TicketDetails | null> {
      const number = connectWiseTicketNumber(ticketId);
      if (!number) return null;
      const ticket = (await withRetries(() =>
        call("GET", `/service/tickets/${number}`),
      )) as ConnectWiseTicket | null;
      if (!ticket) return null;
      return {
        ticketId: String(ticket.id ?? number),
        summary: nonEmpty(ticket.summary),
        company: nonEmpty(ticket.company?.name),
        contact: nonEmpty(ticket.contact?.name) ?? nonEmpty(ticket.contactName),
      };
    },

    async postNote(note: TicketNote): Promise<PostedNote> {
      const number = requireTicketNumber(note.ticketId);
      if (note.text.length > CONNECTWISE_NOTE_MAX_CHARS)
        throw new FlowPilotError(
          "invalid_input",
          `The note is ${note.text.length} characters; ConnectWise accepts at most ${CONNECTWISE_NOTE_MAX_CHARS}. Shorten it with Edit, or copy it.`,
        );
      const body = connectWiseNoteBody(note);
      let mayExist = note.mayExist ?? false;
      return withRetries(async () => {
        if (mayExist) {
          const existing = await findSameNote(number, body);
          if (existing) return { noteId: existing, reusedExisting: true };
        }
        try {
          const created = (await call("POST", `/service/tickets/${number}/notes`, body)) as {
            id?: unknown;
          } | null;
          if (created?.id === undefined || created.id === null)
            throw new PsaRequestError("ConnectWise accepted the note but did not return its id.", {
              retryable: true,
              ambiguous: true,
            });
          return { noteId: String(created.id), reusedExisting: false };
        } catch (err) {
          if (err instanceof PsaRequestError && err.ambiguous) mayExist = true;
          throw err;
        }
      });
    },

    async checkConnection() {
      const info = (await withRetries(() => call("GET", "/system/info"))) as { version?: unknown } | null;
      if (!info)
        throw new PsaRequestError("ConnectWise answered 404 for /system/info: check the site and codebase.", {
          retryable: false,
          ambiguous: false,
        });
      return typeof info.version === "string" ? { version: info.version } : {};
    },

    async findMember(query: string): Promise<PsaMember | null> {
      const value = query.trim().replace(/"/g, "");
      if (!value) return null;
      const field = value.includes("@") ? "officeEmail" : "identifier";
      const conditions = encodeURIComponent(`${field}="${value}"`);
      const members = (await withRetries(() =>
        call("GET", `/system/members?conditions=${conditions}&pageSize=1`),
      )) as ConnectWiseMember[] | null;
      const member = members?.[0];
      if (!member?.identifier) return null;
      const name = [member.firstName, member.lastName].filter(Boolean).join(" ");
      return { identifier: member.identifier, name: name || member.identifier };
    },
  };

  /** The id of an identical note among the ticket's newest ones, or null. */
  async function findSameNote(
    number: string,
    body: ReturnType<typeof connectWiseNoteBody>,
  ): Promise<string | null> {
    const notes = (await call(
      "GET",
      `/service/tickets/${number}/notes?orderBy=${encodeURIComponent("id desc")}&pageSize=${DUPLICATE_SCAN}`,
    )) as Array<{
      id?: unknown;
      text?: unknown;
      detailDescriptionFlag?: unknown;
      internalAnalysisFlag?: unknown;
    }> | null;
    const same = (notes ?? []).find((n) => isSameNote(n, body));
    return same?.id === undefined ? null : String(same.id);
  }
}

interface ConnectWiseTicket {
  id?: number;
  summary?: string;
  company?: { name?: string };
  contact?: { name?: string };
  contactName?: string;
}

interface ConnectWiseMember {
  identifier?: string;
  firstName?: string;
  lastName?: string;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
