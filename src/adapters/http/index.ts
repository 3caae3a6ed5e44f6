export { createHttpApp, MAX_BODY_BYTES } from "./app.ts";
export { STATUS_BY_CODE } from "./errors.ts";
