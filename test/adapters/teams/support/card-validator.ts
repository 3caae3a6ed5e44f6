import { createRequire } from "node:module";

/**
 * The `adaptivecards` SDK as a card checker: its UMD bundle loads in Node
 * without a DOM. Parsing reports unknown element and action types and bad
 * values; validateProperties reports missing and duplicate ids and more
 * buttons in a set than the host shows. The host is Teams: its host config
 * (microsoft/AdaptiveCards samples/HostConfig/microsoft-teams-light.json)
 * allows 6 actions a set where the SDK's default allows 5. Returns one line
 * per problem (empty: the card is clean).
 */
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");
const TEAMS_HOST = {
  supportsInteractivity: true,
  actions: { maxActions: 6, showCard: { actionMode: "Inline" }, actionsOrientation: "Horizontal" },
};

export function cardProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(TEAMS_HOST);
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents ?? [])
    problems.push(`validate: ${event.message}`);
  if ((json as { version?: string }).version !== "1.5") problems.push("version: not 1.5");
  return problems;
}
