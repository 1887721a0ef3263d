/// The page's only stylesheet, inline. System fonts (no download); colours from the Okabe–Ito
/// palette, which colour-blind readers tell apart, and every series also differs by marker shape
/// or position, so a grey-scale print still reads.
///
/// Layout: a chart and its number table share a row when both fit; the table's width is its
/// content's (`max-content`), so when it does not fit beside the chart the row wraps and the table
/// goes under the chart instead of being cut at the right edge (a table wider than the page scrolls
/// inside its box on screen). In print, figures stack and tables wrap their cells so every column
/// is on paper.
enum HTMLStyle {
    static let css = """

        :root { color-scheme: light; --ink: #1a1a1a; --muted: #5a5a5a; --rule: #d0d0d0; --band: #f4f4f4; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
          color: var(--ink); margin: 0 auto; padding: 1.5rem; max-width: 80rem; }
        h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
        h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 2px solid var(--ink); }
        h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
        h4, h5, h6 { font-size: 1rem; margin: 1rem 0 .5rem; }
        .subtitle, .note, figcaption, footer { color: var(--muted); }
        nav ol { columns: 2; }
        .banner { border: 2px solid #D55E00; background: #fff3ea; padding: .5rem .75rem; font-weight: 600; }
        .badge { font-size: .75rem; font-weight: 600; border: 1px solid var(--ink); border-radius: .6rem;
          padding: 0 .4rem; vertical-align: middle; }
        figure { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; margin: 1rem 0; }
        figcaption { flex-basis: 100%; }
        .chart { flex: 1 1 34rem; max-width: 44rem; }
        .chart svg { width: 100%; height: auto; display: block; }
        .numbers { flex: 1 1 auto; width: max-content; max-width: 100%; overflow-x: auto; }
        .table { overflow-x: auto; }
        table { border-collapse: collapse; font-size: .85rem; font-variant-numeric: tabular-nums; }
        th, td { padding: .2rem .5rem; border-bottom: 1px solid var(--rule); text-align: left; white-space: nowrap; }
        th { background: var(--band); position: sticky; top: 0; }
        td.n { text-align: right; }
        footer { margin-top: 2rem; border-top: 1px solid var(--rule); padding-top: .5rem; }
        svg text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; fill: var(--ink); }
        svg .axis line, svg .axis path { stroke: var(--muted); }
        svg .grid { stroke: var(--rule); }
        svg .reference { stroke: var(--ink); stroke-dasharray: 4 3; }
        @media print {
          nav { display: none; }
          body { padding: 0; max-width: none; }
          figure { display: block; break-inside: avoid; }
          .chart { max-width: 44rem; }
          .numbers, .table { overflow: visible; width: auto; }
          table { font-size: 7pt; width: 100%; }
          th, td { white-space: normal; padding: .1rem .25rem; overflow-wrap: anywhere; }
          th { position: static; }
        }

        """
}
