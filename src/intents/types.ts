export type {
  Audience,
  Intent,
  IntentResult,
  Length,
  UpdateContextKind,
  UpdateSlots,
} from "../domain/index.ts";
