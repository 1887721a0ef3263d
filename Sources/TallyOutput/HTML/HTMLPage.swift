/// A self-contained HTML page: inline CSS and SVG, no script, no network request, system fonts.
///
/// Rendered as well-formed XML (every element closed, attributes quoted, only the five XML
/// entities), so a strict XML parser accepts it; deterministic to the byte like CSV and JSON.
public struct HTMLPage: Sendable {
    public var title: String
    /// One line under the title: what the page was computed from.
    public var subtitle: String?
    public var sections: [HTMLSection]
    /// A line at the bottom (the tally version on a dashboard).
    public var footer: String?

    public init(title: String, subtitle: String? = nil, sections: [HTMLSection], footer: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
        self.footer = footer
    }

    public func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(HTMLText.escape(title))</title>
            <style>\(HTMLStyle.css)</style>
            </head>
            <body>
            <header>
            <h1>\(HTMLText.escape(title))</h1>

            """
        if let subtitle { html += "<p class=\"subtitle\">\(HTMLText.escape(subtitle))</p>\n" }
        html += "</header>\n"
        if sections.count > 1 {
            html += "<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
            for section in sections {
                html += "<li><a href=\"#\(section.anchor)\">\(HTMLText.escape(section.title))</a></li>\n"
            }
            html += "</ol>\n</nav>\n"
        }
        html += "<main>\n"
        for section in sections { html += section.render(level: 2) }
        html += "</main>\n"
        if let footer { html += "<footer>\(HTMLText.escape(footer))</footer>\n" }
        return html + "</body>\n</html>\n"
    }
}

/// A part of a page: banners, figures (each a chart with its numbers beside it), a table, notes,
/// and parts of its own (one per funnel, per company).
public struct HTMLSection: Sendable {
    public var anchor: String
    public var title: String
    /// Warnings shown first, in a box (a sample ratio mismatch).
    public var banners: [String]
    /// Short labels after the title (`low sample`).
    public var badges: [String]
    public var figures: [HTMLFigure]
    public var table: ReportTable?
    public var notes: [String]
    public var parts: [HTMLSection]

    public init(
        anchor: String, title: String, banners: [String] = [], badges: [String] = [], figures: [HTMLFigure] = [],
        table: ReportTable? = nil, notes: [String] = [], parts: [HTMLSection] = []
    ) {
        self.anchor = HTMLText.anchor(anchor)
        self.title = title
        self.banners = banners
        self.badges = badges
        self.figures = figures
        self.table = table
        self.notes = notes
        self.parts = parts
    }

    func render(level: Int) -> String {
        let heading = min(level, 6)
        var html = "<section id=\"\(anchor)\">\n<h\(heading)>\(HTMLText.escape(title))"
        for badge in badges { html += " <span class=\"badge\">\(HTMLText.escape(badge))</span>" }
        html += "</h\(heading)>\n"
        for banner in banners { html += "<p class=\"banner\" role=\"alert\">\(HTMLText.escape(banner))</p>\n" }
        for figure in figures { html += figure.render() }
        if let table { html += HTMLTableWriter().fragment(table) }
        for note in notes { html += "<p class=\"note\">\(HTMLText.escape(note))</p>\n" }
        for part in parts { html += part.render(level: level + 1) }
        return html + "</section>\n"
    }
}

/// A chart and the table of the numbers it draws, side by side (stacked on a narrow screen).
public struct HTMLFigure: Sendable {
    public var caption: String
    /// An `<svg>` element from ``SVGChart``.
    public var svg: String
    public var data: ReportTable

    public init(caption: String, svg: String, data: ReportTable) {
        self.caption = caption
        self.svg = svg
        self.data = data
    }

    func render() -> String {
        "<figure>\n<div class=\"chart\">\n\(svg)</div>\n<div class=\"numbers\">\n\(HTMLTableWriter().fragment(data))</div>\n"
            + "<figcaption>\(HTMLText.escape(caption))</figcaption>\n</figure>\n"
    }
}
