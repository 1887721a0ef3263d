import TallyOutput
import TallyReporting

/// Per funnel: each variant's conversion rate with its Wilson interval, and a forest plot of the
/// relative lift against the control with its 95% interval (zero marked), chance to beat control
/// beside it; a banner when the traffic split fails the SRM test, badges where samples are low.
public enum VariantConversionHTML {
    public static func parts(_ lookup: TableLookup) -> [HTMLSection] {
        lookup.groups(by: ["company_id", "funnel_id"]).map { key, rows in
            let name = lookup.text(rows[0], "funnel_name")
            var banners: [String] = []
            if rows.contains(where: { lookup.flag($0, "srm_flag") }) {
                banners.append(
                    "Sample ratio mismatch (p = \(lookup.text(rows[0], "srm_p_value"))): the sessions are not split "
                        + "as the traffic weights say. Assignment may be broken; treat the comparison as suspect.")
            }
            let lowSample = rows.contains { lookup.flag($0, "low_sample") }
            let rates = IntervalChart(
                title: "Conversion rate per variant, \(name)",
                rows: rows.map { row in
                    IntervalChart.Row(
                        label: lookup.text(row, "variant_name"), estimate: lookup.number(row, "conversion_rate"),
                        low: lookup.number(row, "conversion_rate_low"),
                        high: lookup.number(row, "conversion_rate_high"),
                        isReference: lookup.flag(row, "is_control"),
                        note: lookup.flag(row, "low_sample") ? "low sample" : nil)
                })
            var figures = [
                HTMLFigure(
                    caption: "Conversion rate per variant with its 95% Wilson interval; the square is the control.",
                    svg: rates.render(),
                    data: lookup.subtable(
                        rows,
                        columns: [
                            "variant_name", "is_control", "sessions", "conversions", "conversion_rate",
                            "conversion_rate_low", "conversion_rate_high",
                        ]))
            ]
            let treatments = rows.filter { !lookup.flag($0, "is_control") && lookup.number($0, "relative_lift") != nil }
            if !treatments.isEmpty {
                let lifts = IntervalChart(
                    title: "Relative lift against the control, \(name)",
                    rows: treatments.map { row in
                        IntervalChart.Row(
                            label: lookup.text(row, "variant_name"), estimate: lookup.number(row, "relative_lift"),
                            low: lookup.number(row, "relative_lift_low"),
                            high: lookup.number(row, "relative_lift_high"),
                            note: ReportHTML.percent(lookup.number(row, "chance_to_beat_control")).map {
                                "\($0) to beat"
                            })
                    }, reference: (0, "no change"))
                figures.append(
                    HTMLFigure(
                        caption: "Relative lift against the control with its 95% interval (zero: no change); "
                            + "the note is the chance to beat the control.",
                        svg: lifts.render(),
                        data: lookup.subtable(
                            treatments,
                            columns: [
                                "variant_name", "relative_lift", "relative_lift_low", "relative_lift_high", "p_value",
                                "p_value_holm", "chance_to_beat_control",
                            ])))
                // The peeking-safe view beside it: the difference of rates with its always-valid
                // 95% confidence sequence, which stays valid however often the report is re-run.
                let sequential = treatments.filter { lookup.number($0, "lift_low_sequential") != nil }
                if !sequential.isEmpty {
                    let chart = IntervalChart(
                        title: "Difference against the control, peeking-safe, \(name)",
                        rows: sequential.map { row in
                            interval(
                                lookup, row, estimate: "absolute_lift", low: "lift_low_sequential",
                                high: "lift_high_sequential", pValue: "p_value_sequential")
                        }, reference: (0, "no change"))
                    figures.append(
                        HTMLFigure(
                            caption: "Difference of conversion rates against the control with its always-valid 95% "
                                + "confidence sequence (mSPRT, docs/REPORTS.md): unlike the fixed-horizon interval, "
                                + "it holds however often the report is looked at; the note is the always-valid p-value.",
                            svg: chart.render(),
                            data: lookup.subtable(
                                sequential,
                                columns: [
                                    "variant_name", "absolute_lift", "lift_low_sequential", "lift_high_sequential",
                                    "p_value_sequential", "p_value", "mde_absolute", "sessions_still_needed",
                                ])))
                }
            }
            // Revenue per session against the control (sessions view): its relative lift with the
            // delta-method interval, Welch's p-value beside it.
            let revenue = rows.filter { !lookup.flag($0, "is_control") && lookup.number($0, "revenue_lift") != nil }
            if !revenue.isEmpty {
                let chart = IntervalChart(
                    title: "Revenue per session against the control, \(name)",
                    rows: revenue.map { revenueLift(lookup, $0) }, reference: (0, "no change"))
                figures.append(
                    HTMLFigure(
                        caption: "Relative lift in revenue per session against the control with its 95% interval "
                            + "(delta method); the note is Welch's p-value.",
                        svg: chart.render(),
                        data: lookup.subtable(
                            revenue,
                            columns: [
                                "variant_name", "revenue_per_session", "revenue_per_session_se", "revenue_lift",
                                "revenue_lift_low", "revenue_lift_high", "revenue_p_value",
                            ])))
            }
            // The same lift after CUPED, under the unadjusted one: the narrower interval is what the
            // customers' pre-period revenue buys. Only where CUPED applied (a reduction is printed).
            let adjusted = revenue.filter { lookup.number($0, "cuped_variance_reduction") != nil }
            if !adjusted.isEmpty {
                let chart = IntervalChart(
                    title: "Revenue per session against the control, with CUPED, \(name)",
                    rows: adjusted.flatMap { row in
                        [
                            revenueLift(lookup, row),
                            interval(
                                lookup, row, label: lookup.text(row, "variant_name") + ", CUPED",
                                estimate: "revenue_lift_cuped", low: "revenue_lift_low_cuped",
                                high: "revenue_lift_high_cuped", pValue: "revenue_p_value_cuped"),
                        ]
                    }, reference: (0, "no change"))
                figures.append(
                    HTMLFigure(
                        caption: "The revenue lift before and after CUPED, which adjusts each session's revenue "
                            + "by its customer's revenue before the test (docs/REPORTS.md): the same expected "
                            + "lift with less variance; the note is Welch's p-value.",
                        svg: chart.render(),
                        data: lookup.subtable(
                            adjusted,
                            columns: [
                                "variant_name", "cuped_sessions_with_history", "revenue_lift_cuped",
                                "revenue_lift_low_cuped", "revenue_lift_high_cuped", "revenue_p_value_cuped",
                                "cuped_variance_reduction",
                            ])))
            }
            return HTMLSection(
                anchor: "funnel-\(key.joined(separator: "-"))", title: "\(name) · \(key[1]) · \(key[0])",
                banners: banners, badges: lowSample ? ["low sample"] : [], figures: figures)
        }
    }

    /// A variant's interval from the named columns of its row, its p-value as the note; labelled
    /// with the variant's name unless `label` says otherwise.
    private static func interval(
        _ lookup: TableLookup, _ row: [ReportValue], label: String? = nil, estimate: String, low: String,
        high: String, pValue: String
    ) -> IntervalChart.Row {
        IntervalChart.Row(
            label: label ?? lookup.text(row, "variant_name"), estimate: lookup.number(row, estimate),
            low: lookup.number(row, low), high: lookup.number(row, high),
            note: lookup.value(row, pValue).plainText.map { "p = \($0)" })
    }

    /// The unadjusted revenue lift of a variant's row, with Welch's p-value as the note.
    private static func revenueLift(_ lookup: TableLookup, _ row: [ReportValue]) -> IntervalChart.Row {
        interval(
            lookup, row, estimate: "revenue_lift", low: "revenue_lift_low", high: "revenue_lift_high",
            pValue: "revenue_p_value")
    }
}
