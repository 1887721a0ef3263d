extension MigrationCatalog {
    static let addCSAIUsageTables = Migration(
        name: "20241224100000_add_cs_ai_usage_tables",
        summary: "cs_ai_usage, cs_ai_pricing, cs_ai_usage_summary and the CSAIUsageType enum",
        up: [
            .sql(
                """
                CREATE TABLE "cs_ai_usage" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "clientId" TEXT NOT NULL,
                    "csSessionId" TEXT,
                    "voiceCallId" TEXT,
                    "usageType" TEXT NOT NULL CONSTRAINT "CSAIUsageType" CHECK ("usageType" IN ('VOICE_CALL', 'CHAT_SESSION', 'EMAIL_SUPPORT', 'SMS_SUPPORT')),
                    "tier" TEXT NOT NULL CONSTRAINT "CSTier" CHECK ("tier" IN ('AI_REP', 'AI_MANAGER', 'HUMAN_AGENT')),
                    "channel" TEXT NOT NULL,
                    "durationSeconds" INTEGER,
                    "messageCount" INTEGER NOT NULL DEFAULT 0,
                    "aiMessageCount" INTEGER NOT NULL DEFAULT 0,
                    "inputTokens" INTEGER NOT NULL DEFAULT 0,
                    "outputTokens" INTEGER NOT NULL DEFAULT 0,
                    "twilioMinutes" SCALED_INTEGER(10,4),
                    "twilioCostCents" INTEGER,
                    "baseCost" INTEGER NOT NULL DEFAULT 0,
                    "markupCost" INTEGER NOT NULL DEFAULT 0,
                    "totalCost" INTEGER NOT NULL DEFAULT 0,
                    "billingPeriod" TEXT,
                    "invoiced" BOOLEAN NOT NULL DEFAULT 0,
                    "invoicedAt" TIMESTAMP_TEXT,
                    "invoiceId" TEXT,
                    "metadata" JSON_TEXT,
                    "occurredAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    CONSTRAINT "cs_ai_usage_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "cs_ai_usage_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE,
                    CONSTRAINT "cs_ai_usage_csSessionId_fkey" FOREIGN KEY ("csSessionId") REFERENCES "cs_sessions"("id") ON DELETE SET NULL ON UPDATE CASCADE,
                    CONSTRAINT "cs_ai_usage_voiceCallId_fkey" FOREIGN KEY ("voiceCallId") REFERENCES "voice_calls"("id") ON DELETE SET NULL ON UPDATE CASCADE
                );
                CREATE TABLE "cs_ai_pricing" (
                    "id" TEXT NOT NULL,
                    "organizationId" TEXT NOT NULL,
                    "voicePerMinuteCents" INTEGER NOT NULL DEFAULT 50,
                    "chatPerMessageCents" INTEGER NOT NULL DEFAULT 5,
                    "chatPerSessionCents" INTEGER NOT NULL DEFAULT 100,
                    "inputTokenPrice" INTEGER NOT NULL DEFAULT 3,
                    "outputTokenPrice" INTEGER NOT NULL DEFAULT 15,
                    "aiRepMultiplier" REAL NOT NULL DEFAULT 1.0,
                    "aiManagerMultiplier" REAL NOT NULL DEFAULT 1.5,
                    "humanAgentMultiplier" REAL NOT NULL DEFAULT 3.0,
                    "monthlyMinutesAllowance" INTEGER NOT NULL DEFAULT 100,
                    "monthlyMessagesAllowance" INTEGER NOT NULL DEFAULT 500,
                    "overageVoicePerMinuteCents" INTEGER NOT NULL DEFAULT 75,
                    "overageChatPerMessageCents" INTEGER NOT NULL DEFAULT 8,
                    "csAIEnabled" BOOLEAN NOT NULL DEFAULT 1,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "cs_ai_pricing_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "cs_ai_pricing_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE TABLE "cs_ai_usage_summary" (
                    "id" TEXT NOT NULL,
                    "companyId" TEXT NOT NULL,
                    "clientId" TEXT NOT NULL,
                    "periodStart" TIMESTAMP_TEXT NOT NULL,
                    "periodEnd" TIMESTAMP_TEXT NOT NULL,
                    "totalVoiceMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
                    "totalVoiceCalls" INTEGER NOT NULL DEFAULT 0,
                    "voiceCostCents" INTEGER NOT NULL DEFAULT 0,
                    "totalChatSessions" INTEGER NOT NULL DEFAULT 0,
                    "totalChatMessages" INTEGER NOT NULL DEFAULT 0,
                    "chatCostCents" INTEGER NOT NULL DEFAULT 0,
                    "totalInputTokens" INTEGER NOT NULL DEFAULT 0,
                    "totalOutputTokens" INTEGER NOT NULL DEFAULT 0,
                    "aiTokenCostCents" INTEGER NOT NULL DEFAULT 0,
                    "aiRepMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
                    "aiManagerMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
                    "humanAgentMinutes" SCALED_INTEGER(10,2) NOT NULL DEFAULT 0,
                    "totalBaseCost" INTEGER NOT NULL DEFAULT 0,
                    "totalMarkupCost" INTEGER NOT NULL DEFAULT 0,
                    "totalCost" INTEGER NOT NULL DEFAULT 0,
                    "allowanceUsedMinutes" INTEGER NOT NULL DEFAULT 0,
                    "allowanceUsedMessages" INTEGER NOT NULL DEFAULT 0,
                    "overageMinutes" INTEGER NOT NULL DEFAULT 0,
                    "overageMessages" INTEGER NOT NULL DEFAULT 0,
                    "invoiced" BOOLEAN NOT NULL DEFAULT 0,
                    "invoicedAt" TIMESTAMP_TEXT,
                    "invoiceId" TEXT,
                    "createdAt" TIMESTAMP_TEXT NOT NULL DEFAULT \(SQLText.now),
                    "updatedAt" TIMESTAMP_TEXT NOT NULL,
                    CONSTRAINT "cs_ai_usage_summary_pkey" PRIMARY KEY ("id"),
                    CONSTRAINT "cs_ai_usage_summary_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE ON UPDATE CASCADE
                );
                CREATE INDEX "cs_ai_usage_companyId_occurredAt_idx" ON "cs_ai_usage"("companyId", "occurredAt");
                CREATE INDEX "cs_ai_usage_clientId_billingPeriod_idx" ON "cs_ai_usage"("clientId", "billingPeriod");
                CREATE INDEX "cs_ai_usage_usageType_occurredAt_idx" ON "cs_ai_usage"("usageType", "occurredAt");
                CREATE INDEX "cs_ai_usage_invoiced_idx" ON "cs_ai_usage"("invoiced");
                CREATE UNIQUE INDEX "cs_ai_pricing_organizationId_key" ON "cs_ai_pricing"("organizationId");
                CREATE INDEX "cs_ai_usage_summary_clientId_periodStart_idx" ON "cs_ai_usage_summary"("clientId", "periodStart");
                CREATE INDEX "cs_ai_usage_summary_invoiced_idx" ON "cs_ai_usage_summary"("invoiced");
                CREATE UNIQUE INDEX "cs_ai_usage_summary_companyId_periodStart_key" ON "cs_ai_usage_summary"("companyId", "periodStart");
                """)
        ],
        down: [
            .sql(
                """
                DROP TABLE "cs_ai_usage_summary";
                DROP TABLE "cs_ai_pricing";
                DROP TABLE "cs_ai_usage";
                """)
        ])
}
