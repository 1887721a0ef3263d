import TallyPostgres
import XCTest

@testable import TallyStore

/// Credentials never leave the address; production's defaults read back from the store's.
final class SourceAddressTests: XCTestCase {
    func testThePasswordIsNeverInWhatIsShown() {
        let address = SourceAddress(
            "postgresql://analyst:p%40ss:word@db.internal:5432/shop?sslmode=require&password=other&application_name=x",
            environment: ["PGPASSWORD": "from-env"])
        XCTAssertEqual(address.display, "postgresql://analyst@db.internal:5432/shop?sslmode=require")
        let message = address.redact("FATAL: p%40ss:word, p@ss:word, other and from-env rejected")
        for secret in ["p%40ss:word", "p@ss:word", "other", "from-env"] {
            XCTAssertFalse(message.contains(secret), message)
        }
        XCTAssertEqual(SourceAddress("postgres://tally@127.0.0.1/shop").display, "postgres://tally@127.0.0.1/shop")
        XCTAssertTrue(SourceAddress.isSource("postgres://x"))
        XCTAssertFalse(SourceAddress.isSource("SampleData/postgresql.csv"))
    }

    func testProductionDefaultsAndTypesFromTheStoresDeclaredTypes() {
        XCTAssertEqual(PostgresSchema.defaultValue("5000", declared: "MONEY_INTEGER"), "50.00")
        XCTAssertEqual(PostgresSchema.defaultValue("1250", declared: "SCALED_INTEGER(10,2)"), "12.50")
        XCTAssertEqual(PostgresSchema.defaultValue("-5", declared: "SCALED_INTEGER(5,4)"), "-0.0005")
        XCTAssertEqual(PostgresSchema.defaultValue("0", declared: "BOOLEAN"), "false")
        XCTAssertEqual(
            PostgresSchema.defaultValue("(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))", declared: "TIMESTAMP_TEXT"),
            "CURRENT_TIMESTAMP")
        XCTAssertEqual(PostgresSchema.defaultValue("'[]'", declared: "JSON_ARRAY_TEXT"), "ARRAY[]::TEXT[]")
        XCTAssertEqual(PostgresSchema.type(declared: "SCALED_INTEGER(10,4)", enumName: nil), "DECIMAL(10,4)")
        XCTAssertEqual(PostgresSchema.type(declared: "TEXT", enumName: "CSTier"), "\"CSTier\"")
        XCTAssertEqual(PostgresSchema.type(declared: "JSON_NUMBER_ARRAY_TEXT", enumName: nil), "INTEGER[]")
    }
}

/// The PostgreSQL dump states what the changelog states (../shared/seed/DATABASE_SCHEMA_CHANGELOG.md).
final class PostgresDumpTests: XCTestCase {
    func testTheDumpCarriesTheChangelogsTypesEnumsAndIndexes() throws {
        let store = try Store.open(path: ":memory:")
        let ddl = try store.queue.read { try PostgresSchema.ddl($0) }
        for fact in [
            // "New CSAIUsageType enum (VOICE_CALL, CHAT_SESSION, EMAIL_SUPPORT, SMS_SUPPORT)"
            #"CREATE TYPE "CSAIUsageType" AS ENUM ('VOICE_CALL', 'CHAT_SESSION', 'EMAIL_SUPPORT', 'SMS_SUPPORT');"#,
            #"CREATE TYPE "CartSourceType" AS ENUM ('DIRECT', 'LANDING_PAGE', 'FUNNEL', 'EMAIL');"#,
            #""usageType" "CSAIUsageType" NOT NULL"#,
            // "discountAmount (Decimal(10,2), nullable)" on funnel_sessions
            #""discountAmount" DECIMAL(10,2),"#,
            // "leads_variantId_idx on leads.variantId"
            #"CREATE INDEX "leads_variantId_idx" ON "leads"("variantId");"#,
            // "WHERE: status = 'ABANDONED' AND "recoveryEmailSent" = false"
            #"WHERE "status" = 'ABANDONED' AND "recoveryEmailSent" = false;"#,
            #"CONSTRAINT "cs_ai_usage_pkey" PRIMARY KEY ("id")"#,
            #"ADD CONSTRAINT "cs_ai_usage_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "companies"("id") ON DELETE CASCADE"#,
            #""occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP"#,
        ] {
            XCTAssertTrue(ddl.contains(fact), fact)
        }
        XCTAssertFalse(ddl.contains("tally_"), "tally's own tables stay out")
        XCTAssertFalse(ddl.contains("_TEXT"), "no store-only declared type leaks into PostgreSQL DDL")
    }
}
