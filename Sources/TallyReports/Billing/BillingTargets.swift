import GRDB
import TallyStore

/// Which companies a close covers by default: every company with CS AI usage or an earlier close
/// (a minimum fee is owed even in a month without usage).
public enum BillingTargets {
    public static func companies(on store: Store) throws -> [String] {
        try store.queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT "id" FROM "companies" AS c
                    WHERE EXISTS (SELECT 1 FROM "cs_ai_usage" AS u WHERE u."companyId" = c."id")
                        OR EXISTS (SELECT 1 FROM "tally_billing_lines" AS l WHERE l."companyId" = c."id")
                    ORDER BY "id"
                    """)
        }
    }
}
