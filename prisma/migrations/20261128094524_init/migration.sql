-- CreateTable
CREATE TABLE "snapshots" (
    "id" UUID NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "cluster" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "counts" JSONB NOT NULL,
    "warnings" JSONB NOT NULL,
    "skipped" JSONB NOT NULL,
    "foreign_policy_kinds" TEXT[],
    "complete" BOOLEAN NOT NULL,
    "incomplete_reasons" TEXT[],
    "object_count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshot_objects" (
    "snapshot_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "object" JSONB NOT NULL,

    CONSTRAINT "snapshot_objects_pkey" PRIMARY KEY ("snapshot_id","kind","namespace","name")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "key" TEXT NOT NULL,
    "cluster" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "snapshot_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "cluster_settings" (
    "cluster" TEXT NOT NULL,
    "keep_newest" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cluster_settings_pkey" PRIMARY KEY ("cluster")
);

-- CreateIndex
CREATE UNIQUE INDEX "snapshots_seq_key" ON "snapshots"("seq");

-- CreateIndex
CREATE INDEX "snapshots_cluster_seq_idx" ON "snapshots"("cluster", "seq" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "snapshots_cluster_label_content_hash_key" ON "snapshots"("cluster", "label", "content_hash");

-- CreateIndex
CREATE INDEX "idempotency_keys_snapshot_id_idx" ON "idempotency_keys"("snapshot_id");

-- AddForeignKey
ALTER TABLE "snapshot_objects" ADD CONSTRAINT "snapshot_objects_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;
