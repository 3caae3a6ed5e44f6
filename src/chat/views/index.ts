/**
 * FlowPilot's platform-neutral views: the model, the action ids and payload
 * codec, and one pure builder per screen of the update flow. Nothing here
 * knows Slack, Teams or the console; the adapters' renderers do.
 */
export {
  ACTION_IDS,
  ACTION_PAYLOAD_VERSION,
  type ActionId,
  type ActionInput,
  type ActionKey,
  type ActionPayload,
  actionPayloadSchema,
  CUSTOM_REMINDER_INPUT,
  decodeActionPayload,
  EDIT_INPUT,
  ESCALATE_INPUT,
  EXPIRED_ACTION_MESSAGE,
  encodeActionPayload,
  isActionId,
  MAX_ACTION_INPUT_CHARS,
  MAX_ENCODED_PAYLOAD_CHARS,
  payload,
  RESOLVE_INPUT,
} from "./actions.ts";
export {
  HISTORY_MAX_ENTRIES,
  type HistoryEntryData,
  type HistoryEntryOptions,
  type HistoryEntrySource,
  type HistoryViewOptions,
  historyEntryView,
  historyView,
} from "./history-views.ts";
export { HOME_UPDATES_PER_SESSION, type HomeSession, type HomeViewData, homeView } from "./home-views.ts";
export {
  AUDIENCE_LABELS,
  CONTEXT_LABELS,
  deliveryLabels,
  formatMinutes,
  formatTime,
  INFERRED_STATUS_LABELS,
  LENGTH_LABELS,
  SESSION_STATUS_LABELS,
  VISIBILITY_WORDING,
} from "./labels.ts";
export type { TemplatesViewData } from "./misc-views.ts";
export {
  errorView,
  helpView,
  noticeView,
  TEMPLATE_SETTINGS,
  TRIGGER_PHRASES,
  templatesView,
} from "./misc-views.ts";
export {
  type ActionConfirm,
  disabledActionText,
  type Fact,
  stripMarkup,
  VIEW_KINDS,
  type ViewAction,
  type ViewBlock,
  type ViewKind,
  type ViewMessage,
  viewActions,
} from "./model.ts";
export {
  REMINDER_OPTIONS,
  type ReminderCancelledData,
  type ReminderFiredData,
  type ReminderOptionsData,
  type ReminderSetData,
  reminderCancelledView,
  reminderFiredView,
  reminderNoteView,
  reminderOptionsView,
  reminderSetView,
} from "./reminder-views.ts";
export {
  type SessionHeaderData,
  SHARE_UPDATE_DISABLED_REASON,
  type ShareFollowUpData,
  sessionHeaderView,
  shareEscalationView,
  shareResolutionView,
} from "./session-views.ts";
export { type Chunk, type Measure, rejoin, splitText } from "./split.ts";
export {
  type AudiencePickerData,
  audiencePickerView,
  type CopiedData,
  copiedView,
  generatingView,
  type LengthPickerData,
  lengthPickerView,
  type PostResultData,
  postResultView,
  type SwitchAudienceData,
  switchAudienceView,
  type UpdateResultData,
  updateResultView,
} from "./update-views.ts";
