export * from "./audiences.ts";
export * from "./enums.ts";
export * from "./limits.ts";
export type * from "./logger.ts";
export * from "./person-name.ts";
export * from "./platforms.ts";
export * from "./session-rules.ts";
export * from "./slots.ts";
export * from "./tickets.ts";
