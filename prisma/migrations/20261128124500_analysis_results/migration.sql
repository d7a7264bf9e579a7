-- CreateTable
CREATE TABLE "analysis_results" (
    "snapshot_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "engine_version" TEXT NOT NULL,
    "head_id" UUID,
    "payload" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "analysis_results_pkey" PRIMARY KEY ("snapshot_id","kind","key","engine_version")
);

-- CreateIndex
CREATE INDEX "analysis_results_head_id_idx" ON "analysis_results"("head_id");

-- AddForeignKey
ALTER TABLE "analysis_results" ADD CONSTRAINT "analysis_results_snapshot_id_fkey" FOREIGN KEY ("snapshot_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "analysis_results" ADD CONSTRAINT "analysis_results_head_id_fkey" FOREIGN KEY ("head_id") REFERENCES "snapshots"("id") ON DELETE CASCADE ON UPDATE CASCADE;
