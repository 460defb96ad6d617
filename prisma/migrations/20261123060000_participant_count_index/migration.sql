-- CreateIndex
CREATE INDEX "CycleParticipant_workspaceId_cycleId_partnershipId_excluded_idx" ON "CycleParticipant"("workspaceId", "cycleId", "partnershipId", "excluded");

