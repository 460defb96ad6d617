-- CreateIndex
CREATE INDEX "CycleParticipant_workspaceId_partnershipId_idx" ON "CycleParticipant"("workspaceId", "partnershipId");

