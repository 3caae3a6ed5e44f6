import { CARD_RULES } from "./card-rules.ts";
import { CODE_RULES } from "./code-rules.ts";
import { COMMAND_RULES } from "./command-rules.ts";
import { FORMAT_RULES } from "./format-rules.ts";
import { LABEL_RULES } from "./label-rules.ts";
import { PROSE_RULES } from "./prose-rules.ts";
import type { Rule, SecretSpan } from "./rule-kit.ts";
import { SHAPE_RULES } from "./shape-rules.ts";

/**
 * FlowPilot's own rules for secrets as engineers type them in prose and in
 * pasted commands and configuration, where rule sets for source code do not
 * help. Each module holds one family; every rule is cheap to skip (a hint
 * test first), so an ordinary chat line costs microseconds.
 */
export type { SecretSpan } from "./rule-kit.ts";

export const RULES: readonly Rule[] = [
  ...CARD_RULES,
  ...LABEL_RULES,
  ...PROSE_RULES,
  ...COMMAND_RULES,
  ...FORMAT_RULES,
  ...CODE_RULES,
  ...SHAPE_RULES,
];

/** Every span FlowPilot's own rules find (overlaps not yet merged). */
export function findProseSecrets(text: string): SecretSpan[] {
  const found: SecretSpan[] = [];
  for (const rule of RULES) rule(text, found);
  return found;
}
