/// A linear scale from data to pixels with ticks at round numbers (1, 2 or 5 × 10ⁿ).
struct ChartScale {
    let lower: Double
    let upper: Double
    let step: Double
    let pixels: ClosedRange<Double>

    /// A scale covering `values` (and zero when `includesZero`), about `ticks` ticks.
    init(covering values: [Double], includesZero: Bool, pixels: ClosedRange<Double>, ticks: Int = 5) {
        var low = values.min() ?? 0
        var high = values.max() ?? 1
        if includesZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if high - low < 1e-12 {  // one value: a range around it
            let pad = abs(high) > 0 ? abs(high) * 0.1 : 1
            low -= pad
            high += pad
        }
        let step = Self.niceStep((high - low) / Double(max(1, ticks)))
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
        self.step = step
        self.pixels = pixels
    }

    /// 1, 2 or 5 times a power of ten, the smallest not below `rough`.
    static func niceStep(_ rough: Double) -> Double {
        var power = 1.0
        while power * 10 <= rough { power *= 10 }
        while power > rough { power /= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where factor * power >= rough { return factor * power }
        return 10 * power
    }

    func position(_ value: Double) -> Double {
        pixels.lowerBound + (value - lower) / (upper - lower) * (pixels.upperBound - pixels.lowerBound)
    }

    /// Tick values from `lower` to `upper`, computed from integers so they print without drift.
    var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        let first = (lower / step).rounded()
        return (0...count).map { (first + Double($0)) * step }
    }

    /// Tick text: as many decimals as the step needs; percentages ×100 with a `%`.
    func label(_ value: Double, percent: Bool) -> String {
        let shown = percent ? value * 100 : value
        let shownStep = percent ? step * 100 : step
        var decimals = 0
        var unit = 1.0
        while unit > shownStep + 1e-12 && decimals < 6 {
            unit /= 10
            decimals += 1
        }
        return (FixedDecimal.format(shown, decimals: decimals) ?? "") + (percent ? "%" : "")
    }
}

/// Coordinates and SVG text helpers shared by the charts.
enum SVG {
    /// A coordinate with one decimal: enough for a screen, and the same bytes everywhere.
    static func number(_ value: Double) -> String { FixedDecimal.format(value, decimals: 1) ?? "0.0" }

    /// `text` cut to `limit` characters with an ellipsis (the full text goes in a `<title>`).
    static func fitted(_ text: String, limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    /// Generous width of text at the charts' 12 px font (capitals are about 8 px): enough to keep
    /// labels from overlapping or leaving the picture.
    static func width(of text: String) -> Double { Double(text.count) * 8 }

    /// The horizontal axis under a plot: grid lines, ticks at round numbers, labels.
    static func axis(_ scale: ChartScale, top: Double, bottom: Double, percent: Bool) -> String {
        var svg = "<g class=\"axis\">\n"
        // Skip labels that would touch: at most one per label width.
        let labels = scale.ticks.map { scale.label($0, percent: percent) }
        let widest = labels.map(width(of:)).max() ?? 0
        let spacing = scale.ticks.count > 1 ? scale.position(scale.ticks[1]) - scale.position(scale.ticks[0]) : widest
        let every = max(1, Int((widest + 8) / max(1, spacing)) + 1)
        for (index, tick) in scale.ticks.enumerated() {
            let x = number(scale.position(tick))
            svg += "<line class=\"grid\" x1=\"\(x)\" y1=\"\(number(top))\" x2=\"\(x)\" y2=\"\(number(bottom))\" />\n"
            if index % every == 0 {
                svg +=
                    "<text x=\"\(x)\" y=\"\(number(bottom + 16))\" text-anchor=\"middle\">"
                    + "\(HTMLText.escape(labels[index]))</text>\n"
            }
        }
        svg +=
            "<line x1=\"\(number(scale.pixels.lowerBound))\" y1=\"\(number(bottom))\" "
            + "x2=\"\(number(scale.pixels.upperBound))\" y2=\"\(number(bottom))\" />\n"
        return svg + "</g>\n"
    }
}
