/// Estimates with their intervals, one row each: conversion rates with Wilson intervals, relative
/// lifts against a control (a forest plot, zero marked), completion rates against a baseline.
public struct IntervalChart: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var estimate: Double?
        public var low: Double?
        public var high: Double?
        /// Drawn as a square instead of a circle (the control, the baseline).
        public var isReference: Bool
        /// Text at the right of the row (`low sample`, `93.1% to beat`).
        public var note: String?

        public init(
            label: String, estimate: Double?, low: Double?, high: Double?, isReference: Bool = false,
            note: String? = nil
        ) {
            self.label = label
            self.estimate = estimate
            self.low = low
            self.high = high
            self.isReference = isReference
            self.note = note
        }
    }

    public var title: String
    public var rows: [Row]
    /// A vertical dashed line: zero for lifts, the baseline's rate for codes.
    public var reference: (value: Double, label: String)?
    /// Axis labels as percentages.
    public var percent: Bool

    public init(title: String, rows: [Row], reference: (value: Double, label: String)? = nil, percent: Bool = true) {
        self.title = title
        self.rows = rows
        self.reference = reference
        self.percent = percent
    }

    public func render() -> String {
        let width = 640.0
        let rowHeight = 26.0
        // Room above the plot for the reference line's label (its text must stay inside the SVG).
        let top = 34.0
        let labelLimit = 26
        let labelWidth = min(
            8 + Double(labelLimit) * 8,
            8 + max(60, rows.map { SVG.width(of: SVG.fitted($0.label, limit: labelLimit)) }.max() ?? 60))
        let noteWidth = min(150, rows.compactMap { $0.note.map(SVG.width(of:)) }.max().map { $0 + 12 } ?? 0)
        let plotLeft = labelWidth + 16
        let plotRight = width - 16 - noteWidth
        let bottom = top + rowHeight * Double(max(1, rows.count))
        let height = bottom + 28
        var values = rows.flatMap { [$0.estimate, $0.low, $0.high].compactMap { $0 } }.filter(\.isFinite)
        if let reference { values.append(reference.value) }
        let scale = ChartScale(covering: values, includesZero: false, pixels: plotLeft...plotRight)
        var svg =
            "<svg role=\"img\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" "
            + "width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n"
        svg += SVG.axis(scale, top: top - 6, bottom: bottom, percent: percent)
        if let reference {
            let x = SVG.number(scale.position(reference.value))
            svg +=
                "<line class=\"reference\" x1=\"\(x)\" y1=\"\(SVG.number(top - 16))\" x2=\"\(x)\" y2=\"\(SVG.number(bottom))\" />\n"
            svg +=
                "<text x=\"\(x)\" y=\"\(SVG.number(top - 20))\" text-anchor=\"middle\">"
                + "\(HTMLText.escape(reference.label))</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let y = top + rowHeight * (Double(index) + 0.5)
            let shown = SVG.fitted(row.label, limit: labelLimit)
            svg +=
                "<text x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(y + 4))\" text-anchor=\"end\">"
                + (shown == row.label ? "" : "<title>\(HTMLText.escape(row.label))</title>")
                + "\(HTMLText.escape(shown))</text>\n"
            if let low = row.low, let high = row.high, low.isFinite, high.isFinite {
                let (x1, x2) = (SVG.number(scale.position(low)), SVG.number(scale.position(high)))
                svg +=
                    "<line x1=\"\(x1)\" y1=\"\(SVG.number(y))\" x2=\"\(x2)\" y2=\"\(SVG.number(y))\" "
                    + "stroke=\"#0072B2\" stroke-width=\"2\" />\n"
                for x in [x1, x2] {
                    svg +=
                        "<line x1=\"\(x)\" y1=\"\(SVG.number(y - 5))\" x2=\"\(x)\" y2=\"\(SVG.number(y + 5))\" "
                        + "stroke=\"#0072B2\" stroke-width=\"2\" />\n"
                }
            }
            if let estimate = row.estimate, estimate.isFinite {
                let x = scale.position(estimate)
                svg +=
                    row.isReference
                    ? "<rect x=\"\(SVG.number(x - 5))\" y=\"\(SVG.number(y - 5))\" width=\"10\" height=\"10\" fill=\"#1a1a1a\" />\n"
                    : "<circle cx=\"\(SVG.number(x))\" cy=\"\(SVG.number(y))\" r=\"5\" fill=\"#D55E00\" stroke=\"#1a1a1a\" />\n"
            }
            if let note = row.note {
                svg +=
                    "<text x=\"\(SVG.number(plotRight + 12))\" y=\"\(SVG.number(y + 4))\">"
                    + "\(HTMLText.escape(SVG.fitted(note, limit: 20)))</text>\n"
            }
        }
        return svg + "</svg>\n"
    }
}
