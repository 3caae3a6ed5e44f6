-- AlterTable
ALTER TABLE "sessions" ADD COLUMN     "message_count" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "text_chars" INTEGER NOT NULL DEFAULT 0;

-- Backfill from the recorded messages
UPDATE "sessions" AS s
   SET "message_count" = m.n, "text_chars" = m.chars
  FROM (SELECT session_id, COUNT(*)::int AS n, COALESCE(SUM(LENGTH(content->>'text')), 0)::int AS chars
          FROM "session_steps" WHERE step_type = 'message' GROUP BY session_id) AS m
 WHERE m.session_id = s.id;
