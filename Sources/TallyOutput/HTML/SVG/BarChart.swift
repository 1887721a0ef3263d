/// Horizontal grouped bars: categories down the side, one bar per series in each (models side by
/// side with production, sales columns per code, invoice amounts per company and month).
/// Negative values (adjustments, returns) extend left of a zero line.
public struct BarChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        /// The exact text printed at each bar's end (money as written in the table).
        public var labels: [String?]
        /// The colour and hatch, by the value the series stands for (a usage type keeps its colour
        /// on every company's chart); nil: by its position among the series.
        public var style: Int?

        public init(name: String, values: [Double?], labels: [String?], style: Int? = nil) {
            self.name = name
            self.values = values
            self.labels = labels
            self.style = style
        }
    }

    public var title: String
    /// Unique within the page: prefixes the ids of the hatch patterns.
    public var id: String
    public var categories: [String]
    public var series: [Series]

    public init(title: String, id: String, categories: [String], series: [Series]) {
        self.title = title
        self.id = HTMLText.anchor(id)
        self.categories = categories
        self.series = series
    }

    /// Okabe–Ito colours, from dark to light so grey-scale keeps them apart; odd series hatched.
    static let fills = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]

    public func render() -> String {
        let width = 640.0
        let barHeight = 12.0
        let gap = 10.0
        // Legend: swatch and name per series, left to right, wrapping to a new line before it
        // would leave the viewBox.
        var legend: [(x: Double, y: Double)] = []
        var legendX = 8.0
        var legendY = 6.0
        for item in series {
            let itemWidth = 16 + SVG.width(of: SVG.fitted(item.name, limit: 24)) + 16
            if legendX > 8 && legendX + itemWidth - 16 > width - 8 {
                legendX = 8
                legendY += 18
            }
            legend.append((legendX, legendY))
            legendX += itemWidth
        }
        let legendHeight = legendY + 18
        let labelLimit = 26
        let labelWidth = min(
            8 + Double(labelLimit) * 8,
            8 + max(60, categories.map { SVG.width(of: SVG.fitted($0, limit: labelLimit)) }.max() ?? 60))
        let valueWidth = min(120, (series.flatMap(\.labels).compactMap { $0.map(SVG.width(of:)) }.max() ?? 0) + 8)
        let plotLeft = labelWidth + 16
        let plotRight = width - 8 - valueWidth
        let band = barHeight * Double(max(1, series.count)) + gap
        let top = legendHeight + 6
        let bottom = top + band * Double(max(1, categories.count))
        let height = bottom + 28
        let values = series.flatMap(\.values).compactMap { $0 }.filter(\.isFinite)
        let scale = ChartScale(covering: values, includesZero: true, pixels: plotLeft...plotRight)
        var svg =
            "<svg role=\"img\" viewBox=\"0 0 \(SVG.number(width)) \(SVG.number(height))\" "
            + "width=\"\(SVG.number(width))\" height=\"\(SVG.number(height))\">\n"
            + "<title>\(HTMLText.escape(title))</title>\n<defs>\n"
        for style in Set(series.indices.map(style(of:))).sorted() where style % 2 == 1 {
            svg +=
                "<pattern id=\"\(id)-hatch-\(style)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
                + "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(fill(style))\" />"
                + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\" /></pattern>\n"
        }
        svg += "</defs>\n"
        for (index, item) in series.enumerated() {
            let (x, y) = legend[index]
            svg +=
                "<rect x=\"\(SVG.number(x))\" y=\"\(SVG.number(y))\" width=\"12\" height=\"12\" fill=\"\(paint(index))\" stroke=\"#1a1a1a\" />\n"
            svg +=
                "<text x=\"\(SVG.number(x + 16))\" y=\"\(SVG.number(y + 10))\">\(HTMLText.escape(SVG.fitted(item.name, limit: 24)))</text>\n"
        }
        svg += SVG.axis(scale, top: top, bottom: bottom, percent: false)
        let zero = scale.position(0)
        for (row, category) in categories.enumerated() {
            let bandTop = top + band * Double(row) + gap / 2
            let shown = SVG.fitted(category, limit: labelLimit)
            svg +=
                "<text x=\"\(SVG.number(labelWidth))\" y=\"\(SVG.number(bandTop + band / 2 - gap / 2 + 4))\" text-anchor=\"end\">"
                + (shown == category ? "" : "<title>\(HTMLText.escape(category))</title>")
                + "\(HTMLText.escape(shown))</text>\n"
            for (index, item) in series.enumerated() {
                guard row < item.values.count, let value = item.values[row], value.isFinite else { continue }
                let y = bandTop + barHeight * Double(index)
                let end = scale.position(value)
                svg +=
                    "<rect x=\"\(SVG.number(min(zero, end)))\" y=\"\(SVG.number(y))\" "
                    + "width=\"\(SVG.number(abs(end - zero)))\" height=\"\(SVG.number(barHeight - 2))\" fill=\"\(paint(index))\">"
                    + "<title>\(HTMLText.escape(item.name)): \(HTMLText.escape(item.labels[row] ?? ""))</title></rect>\n"
                if let label = item.labels[row] {
                    // Right of the bar, or right of the zero line for a negative one: never over the
                    // category labels on the left.
                    svg +=
                        "<text x=\"\(SVG.number(max(zero, end) + 4))\" y=\"\(SVG.number(y + barHeight - 3))\" "
                        + "font-size=\"10\">\(HTMLText.escape(label))</text>\n"
                }
            }
        }
        svg +=
            "<line x1=\"\(SVG.number(zero))\" y1=\"\(SVG.number(top))\" x2=\"\(SVG.number(zero))\" y2=\"\(SVG.number(bottom))\" stroke=\"#1a1a1a\" />\n"
        return svg + "</svg>\n"
    }

    private func style(of index: Int) -> Int { series[index].style ?? index }
    private func fill(_ style: Int) -> String { Self.fills[style % Self.fills.count] }
    /// The paint of series `index`: its style's colour, hatched for odd styles.
    private func paint(_ index: Int) -> String {
        let style = style(of: index)
        return style % 2 == 1 ? "url(#\(id)-hatch-\(style))" : fill(style)
    }
}
