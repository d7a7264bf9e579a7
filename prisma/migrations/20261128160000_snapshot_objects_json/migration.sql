-- Objects are written as the engine's canonical JSON and only ever read back whole, as text: `json` keeps
-- that text as it is (checked, not converted), which makes storing a snapshot markedly cheaper than `jsonb`.
-- AlterTable
ALTER TABLE "snapshot_objects" ALTER COLUMN "labels" SET DATA TYPE JSON,
ALTER COLUMN "object" SET DATA TYPE JSON;
