import { type CloudAdapter, TeamsInfo } from "botbuilder";
import type { PlatformUser } from "../../chat/types.ts";
import type { ThreadRef } from "../../sessions/types.ts";
import { referenceOf, routingOf } from "./reference.ts";

const TTL_MS = 5 * 60_000;
/** A failed look-up (the roster briefly unavailable) is retried sooner. */
const FAILED_TTL_MS = 30_000;

/**
 * Who a Teams user is, from the Bot Framework roster (a team's member list
 * in a channel, the chat's otherwise). A user "administers" FlowPilot for
 * the tenant (edits the team's templates) when the roster gives them the
 * `owner` role (Teams' team owners), or when FLOWPILOT_TEAMS_ADMINS names
 * them (the roster does not report owners everywhere). Answers are kept five minutes, so a
 * conversation costs one roster call per person, not one per message.
 */
export class TeamsMembers {
  private readonly known = new Map<string, { user: PlatformUser | null; until: number }>();

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    /** FLOWPILOT_TEAMS_ADMINS: Entra object ids or sign-in names, lower-cased. */
    private readonly admins: ReadonlySet<string> = new Set(),
  ) {}

  /** The user as the roster of this thread's team or chat knows them; null when it does not. */
  async lookup(thread: ThreadRef, userId: string): Promise<PlatformUser | null> {
    const routing = routingOf(thread);
    const key = `${routing.tenantId}:${routing.teamId ?? thread.conversationId}:${userId}`;
    const cached = this.known.get(key);
    if (cached && cached.until > Date.now()) return cached.user;
    let user: PlatformUser | null = null;
    try {
      await this.adapter.continueConversationAsync(
        this.appId,
        referenceOf({ ...thread, threadId: undefined }, this.appId),
        async (context) => {
          const member = routing.teamId
            ? await TeamsInfo.getTeamMember(context, routing.teamId, userId)
            : await TeamsInfo.getMember(context, userId);
          user = {
            displayName: member.name ?? "",
            isAdmin:
              (member.userRole ?? "").toLowerCase() === "owner" ||
              [member.aadObjectId, member.email, member.userPrincipalName].some(
                (id) => id !== undefined && this.admins.has(id.toLowerCase()),
              ),
          };
        },
      );
    } catch {
      user = null;
    }
    this.known.set(key, { user, until: Date.now() + (user ? TTL_MS : FAILED_TTL_MS) });
    return user;
  }
}
