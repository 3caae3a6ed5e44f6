/** Kept for existing imports; the database is opened by ./open.ts. */
export { type Database, type OpenDatabaseOptions, openDatabase } from "./open.ts";
