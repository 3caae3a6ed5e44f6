import { isFlowPilotError } from "../../errors.ts";
import type { ApiDeps } from "../../sessions/api/index.ts";
import * as api from "../../sessions/api/index.ts";
import { postResultReply, sessionBody, storedUpdateBody } from "./bodies.ts";
import { HttpError } from "./errors.ts";
import { decodeCursor, encodeCursor } from "./page-cursor.ts";
import { type ApiRoute, defineRoute } from "./route.ts";
import {
  addedMessagesSchema,
  addMessagesBody,
  closedSessionSchema,
  createdSessionSchema,
  createSessionBody,
  escalateBody,
  pauseBody,
  postedSchema,
  postFailedSchema,
  postToTicketBody,
  resolveBody,
  sessionParams,
  sessionSchema,
  statusUpdateBody,
  statusUpdateSchema,
  updateListQuery,
  updateListSchema,
  updateParams,
} from "./schemas.ts";

const S = "/ai-sessions/{session_id}";

const closedBody = (closed: api.ClosedSession) => ({
  session: sessionBody(closed.session),
  updates: closed.updates.map(storedUpdateBody),
});

/** Every authenticated endpoint: a thin mapping from HTTP onto the API service. */
export function apiRoutes(deps: ApiDeps): ApiRoute[] {
  return [
    defineRoute<typeof createSessionBody>({
      method: "post",
      path: "/ai-sessions",
      summary: "Start a session for a ticket (ticket details filled from the PSA when connected)",
      body: { schema: createSessionBody, required: true },
      responses: { 201: { description: "The new session", schema: createdSessionSchema } },
      handle: async ({ caller, body }) => {
        const { session, notice } = await api.createSession(deps, caller, {
          ticketId: body.ticket_id,
          ticketSummary: body.ticket_summary,
          clientCompany: body.client_company,
          clientContact: body.client_contact,
          engineer: body.engineer,
        });
        return { status: 201, body: { session: sessionBody(session), ...(notice ? { notice } : {}) } };
      },
    }),
    defineRoute({
      method: "get",
      path: S,
      summary: "A session",
      params: sessionParams,
      responses: { 200: { description: "The session", schema: sessionSchema } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: sessionBody(await api.getSession(deps, caller, params.session_id!)),
      }),
    }),
    defineRoute<typeof addMessagesBody>({
      method: "post",
      path: `${S}/messages`,
      summary: "Record troubleshooting messages into the session, in order",
      params: sessionParams,
      body: { schema: addMessagesBody, required: true },
      responses: { 201: { description: "Recorded", schema: addedMessagesSchema } },
      handle: async ({ caller, params, body }) => {
        const recorded = await api.addMessages(
          deps,
          caller,
          params.session_id!,
          (body.messages ?? [body]).map((m) => ({
            author: m.author,
            authorName: m.author_name,
            text: m.text!,
          })),
        );
        return { status: 201, body: { recorded: recorded.recorded, message_count: recorded.messageCount } };
      },
    }),
    defineRoute<typeof pauseBody>({
      method: "post",
      path: `${S}/pause`,
      summary: "Pause an active session (paused time does not count as time spent)",
      params: sessionParams,
      body: { schema: pauseBody, required: false },
      responses: { 200: { description: "The paused session", schema: sessionSchema } },
      handle: async ({ caller, params, body }) => ({
        status: 200,
        body: sessionBody(await api.pauseSession(deps, caller, params.session_id!, body.reason)),
      }),
    }),
    defineRoute({
      method: "post",
      path: `${S}/resume`,
      summary: "Resume a paused session",
      params: sessionParams,
      responses: { 200: { description: "The active session", schema: sessionSchema } },
      handle: async ({ caller, params }) => ({
        status: 200,
        body: sessionBody(await api.resumeSession(deps, caller, params.session_id!)),
      }),
    }),
    defineRoute<typeof resolveBody>({
      method: "post",
      path: `${S}/resolve`,
      summary: "Resolve: cancels pending reminders and pre-generates the resolution note and client update",
      params: sessionParams,
      body: { schema: resolveBody, required: true },
      responses: {
        200: { description: "The resolved session and its closing updates", schema: closedSessionSchema },
      },
      handle: async ({ caller, params, body }) => ({
        status: 200,
        body: closedBody(await api.resolveSession(deps, caller, params.session_id!, body.summary)),
      }),
    }),
    defineRoute<typeof escalateBody>({
      method: "post",
      path: `${S}/escalate`,
      summary: "Escalate: cancels pending reminders and pre-generates the handoff note and client update",
      params: sessionParams,
      body: { schema: escalateBody, required: true },
      responses: {
        200: { description: "The escalated session and its closing updates", schema: closedSessionSchema },
      },
      handle: async ({ caller, params, body }) => ({
        status: 200,
        body: closedBody(await api.escalateSession(deps, caller, params.session_id!, body.reason)),
      }),
    }),
    defineRoute<typeof statusUpdateBody>({
      method: "post",
      path: `${S}/status-update`,
      summary: "Write a status update from the whole session and store it (needs 2+ messages)",
      params: sessionParams,
      body: { schema: statusUpdateBody, required: true },
      responses: { 201: { description: "The stored update", schema: statusUpdateSchema } },
      handle: async ({ caller, params, body }) => ({
        status: 201,
        body: storedUpdateBody(await api.generateUpdate(deps, caller, params.session_id!, body)),
      }),
    }),
    defineRoute<undefined, typeof updateListQuery>({
      method: "get",
      path: `${S}/updates`,
      summary: "The session's updates, oldest first, with their delivery state, a page at a time",
      params: sessionParams,
      query: updateListQuery,
      responses: { 200: { description: "A page of updates", schema: updateListSchema } },
      handle: async ({ caller, params, query }) => {
        const page = await api
          .listUpdates(deps, caller, params.session_id!, {
            after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
            limit: query.limit,
          })
          .catch((err: unknown) => {
            // The cursor decoded but names no update of this session (another session's, or forged).
            throw isFlowPilotError(err) && err.code === "invalid_input"
              ? new HttpError(422, "invalid_input", err.userMessage, "cursor")
              : err;
          });
        return {
          status: 200,
          body: {
            updates: page.updates.map(storedUpdateBody),
            next_cursor: page.nextAfter === null ? null : encodeCursor(page.nextAfter),
          },
        };
      },
    }),
    defineRoute<typeof postToTicketBody>({
      method: "post",
      path: `${S}/updates/{update_id}/post-to-ticket`,
      summary:
        "Post an update to the ticket: ticket notes as an internal note, client updates as a portal-visible note",
      params: updateParams,
      body: { schema: postToTicketBody, required: false },
      responses: {
        200: { description: "Posted (or already posted earlier)", schema: postedSchema },
        502: {
          description: "The PSA did not take the note; the text is returned to copy",
          schema: postFailedSchema,
        },
      },
      handle: async ({ caller, params, body }) =>
        postResultReply(
          await api.postUpdateToTicket(deps, caller, params.session_id!, params.update_id!, body),
        ),
    }),
  ];
}
