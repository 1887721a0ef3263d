import GRDB
import TallyCore
import TallyOutput
import TallyReporting

extension BillingClose.Result {
    /// The close as JSON, in the shape docs/BILLING.md gives, plus `currency`. Keys are tally's
    /// snake_case (docs/REPORTS.md "JSON"), the same names as the CSV's columns; only
    /// `summary_row`, the row written to `cs_ai_usage_summary`, keeps production's column names.
    /// Money is integer minor units; minutes in the summary row are decimal strings with 2
    /// decimals, as `cs_ai_usage_summary` stores them.
    public var json: String {
        func string(_ text: String) -> String { JSONString.quoted(text) }
        func list(_ ids: [String]) -> String { "[" + ids.map(string).joined(separator: ", ") + "]" }
        var lineTexts: [String] = []
        for line in lines {
            var fields = [("kind", string(line.kind.rawValue))]
            if let usageType = line.usageType { fields.append(("usage_type", string(usageType))) }
            if let meter = line.meter { fields.append(("meter", string(meter))) }
            fields.append(("source_period", string(line.sourcePeriod)))
            switch line.kind {
            case .usage:
                fields.append(("quantity_base", String(line.quantityBase ?? 0)))
                fields.append(("billable_base", String(line.billableBase ?? 0)))
            case .adjustment:
                fields.append(("quantity_base_delta", String(line.quantityBase ?? 0)))
            case .minimumTrueUp, .adjustmentMinimumTrueUp:
                break
            }
            fields.append(("amount_minor", String(line.amountMinor)))
            lineTexts.append("      {" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
        }
        let recomputedTexts = recomputed.map {
            "      {\"source_period\": \(string($0.sourcePeriod)), \"late_record_ids\": \(list($0.lateRecordIds)), "
                + "\"changed_record_ids\": \(list($0.changedRecordIds))}"
        }
        let summaryText = summaryFields.map { "      \(string($0.0)): \($0.1)" }.joined(separator: ",\n")
        return """
              {
                "company_id": \(string(company)),
                "company_name": \(string(companyName)),
                "period": \(string("\(period)")),
                "currency": \(string(currency)),
                "period_start": \(string(periodStart)),
                "period_end": \(string(periodEnd)),
                "record_ids": \(list(recordIds)),
                "recomputed_closed_periods": [\(recomputedTexts.isEmpty ? "" : "\n" + recomputedTexts.joined(separator: ",\n") + "\n    ")],
                "lines": [
            \(lineTexts.joined(separator: ",\n"))
                ],
                "usage_subtotal_minor": \(usageSubtotalMinor),
                "minimum_true_up_minor": \(minimumTrueUpMinor),
                "own_period_total_minor": \(ownPeriodTotalMinor),
                "adjustments_total_minor": \(adjustmentsTotalMinor),
                "amount_due_minor": \(amountDueMinor),
                "summary_row": {
            \(summaryText)
                }
              }
            """
    }

    /// The summary row's fields as JSON values: the worked examples' keys first, in their order.
    var summaryFields: [(String, String)] {
        let minutes: Set<String> = ["totalVoiceMinutes", "aiRepMinutes", "aiManagerMinutes", "humanAgentMinutes"]
        let order = [
            "companyId", "clientId", "periodStart", "periodEnd", "totalVoiceMinutes", "totalVoiceCalls",
            "voiceCostCents",
            "totalChatSessions", "totalChatMessages", "chatCostCents", "aiRepMinutes", "aiManagerMinutes",
            "humanAgentMinutes",
            "allowanceUsedMinutes", "overageMinutes", "allowanceUsedMessages", "overageMessages", "totalCost",
            "totalInputTokens", "totalOutputTokens", "aiTokenCostCents", "totalBaseCost", "totalMarkupCost", "invoiced",
            "invoicedAt", "invoiceId",
        ]
        let values = Dictionary(uniqueKeysWithValues: summary.map { ($0.0, $0.1) })
        return order.compactMap { key in
            guard let value = values[key] else { return nil }
            switch value.storage {
            case .int64(let number):
                if minutes.contains(key) {
                    return (key, JSONString.quoted(Money.decimalText(minorUnits: number, exponent: 2)))
                }
                if key == "invoiced" { return (key, number == 1 ? "true" : "false") }
                return (key, String(number))
            case .string(let text): return (key, JSONString.quoted(text))
            default: return (key, "null")
            }
        }
    }

    /// One row per invoice line, for CSV and the terminal table.
    public static var lineColumns: [ReportColumn<(BillingClose.Result, BillingClose.Line)>] {
        [
            .text("company_id") { $0.0.company }, .text("company_name", scan: 1) { $0.0.companyName },
            .text("period", scan: 3) { "\($0.0.period)" }, .text("currency", scan: 12) { $0.0.currency },
            .text("kind", scan: 4) { $0.1.kind.rawValue },
            .text("usage_type", scan: 6) { $0.1.usageType }, .text("meter", scan: 5) { $0.1.meter },
            .text("source_period", scan: 9) { $0.1.sourcePeriod },
            .integer("quantity_base", scan: 7) { $0.1.kind == .usage ? $0.1.quantityBase.map(Int.init) : nil },
            .integer("billable_base", scan: 8) { $0.1.billableBase.map(Int.init) },
            .integer("quantity_base_delta") { $0.1.kind == .adjustment ? $0.1.quantityBase.map(Int.init) : nil },
            .integer("amount_minor") { Int($0.1.amountMinor) },
            .money("amount", scan: 2) { Money(minorUnits: $0.1.amountMinor, currency: $0.0.currency) },
        ]
    }

    /// Invoice lines of several closes as one table.
    public static func linesTable(_ results: [BillingClose.Result]) -> ReportTable {
        ReportTable(rows: results.flatMap { result in result.lines.map { (result, $0) } }, columns: lineColumns)
    }
}
