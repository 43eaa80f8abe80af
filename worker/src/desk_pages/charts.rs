//! The monitoring report's charts and their data: one `Dataset` per chart, drawn on the server
//! as SVG by poloto, shown as a table behind "Mostra i dati", and exported as CSV in the Italian
//! spreadsheet conventions of the reviews' export (`;`, decimal commas, a byte-order mark, text
//! through `csv_cell::text`).

use maud::{html, Markup, PreEscaped};
use sito_core::{budget::Cents, csv_cell, monitoring::italian_number};

use crate::service::review::views::euros;

/// One cell of a chart's data.
pub(super) enum Cell {
    Text(String),
    Count(i64),
    Cents(i64),
    Hours(Option<i64>),
    /// A whole percentage, or none (nothing to divide by).
    Percent(Option<u32>),
}

impl Cell {
    /// As the page shows it: `1.234`, `1.234,56 €`, `12 h`.
    fn shown(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Count(n) => italian_number(*n),
            Cell::Cents(c) => Cents(*c).to_string(),
            Cell::Hours(Some(h)) => format!("{} h", italian_number(*h)),
            Cell::Hours(None) | Cell::Percent(None) => "—".into(),
            Cell::Percent(Some(p)) => format!("{p}%"),
        }
    }

    /// As a spreadsheet set to Italian reads it: numbers stay numbers.
    fn csv(&self) -> String {
        match self {
            Cell::Text(text) => csv_cell::text(text),
            Cell::Count(n) => n.to_string(),
            Cell::Cents(c) => euros(Cents(*c)),
            Cell::Hours(h) => h.map(|h| h.to_string()).unwrap_or_default(),
            Cell::Percent(p) => p.map(|p| p.to_string()).unwrap_or_default(),
        }
    }

    fn numeric(&self) -> bool {
        !matches!(self, Cell::Text(_))
    }
}

/// A chart, its text alternative and its data.
pub(super) struct Dataset {
    /// The CSV's name: `/redazione/monitoraggio/{slug}.csv`.
    pub slug: &'static str,
    pub title: String,
    /// What the bars count, for the axis and the text alternative.
    pub measure: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell>>,
    /// The bars: (label, value), at most a few dozen.
    pub bars: Vec<(String, i64)>,
}

impl Dataset {
    /// The chart in words, for screen readers and for print without colour.
    pub fn text_alternative(&self) -> String {
        if self.bars.iter().all(|(_, value)| *value == 0) {
            return format!("{}: nessun dato nel periodo.", self.title);
        }
        let values: Vec<String> = self
            .bars
            .iter()
            .map(|(label, value)| format!("{label} {}", italian_number(*value)))
            .collect();
        format!("Grafico a barre, {}: {}.", self.measure, values.join("; "))
    }

    /// The SVG of the bars, drawn by poloto; `None` when there is nothing to draw.
    fn svg(&self) -> Option<String> {
        if self.bars.iter().all(|(_, value)| *value == 0) {
            return None;
        }
        // poloto needs two ticks on each axis: one bar gets an empty row below it, and the value
        // axis reaches at least 2.
        let pad = (self.bars.len() < 2).then_some((0, ""));
        let data = self
            .bars
            .iter()
            .map(|(label, value)| (i128::from(*value), label.as_str()))
            .chain(pad);
        poloto::build::bar::gen_simple("", data, [0, 2])
            .label(("", self.measure, ""))
            .append_to(poloto::header().light_theme())
            .render_string()
            .ok()
    }

    /// The figure: title, chart with its text alternative, the data behind "Mostra i dati", and
    /// the link to the CSV with the same period and district.
    pub fn figure(&self, query: &str) -> Markup {
        let caption = format!("titolo-{}", self.slug);
        html! {
            figure.chart aria-labelledby=(caption) {
                figcaption id=(caption) { (self.title) }
                @match self.svg() {
                    Some(svg) => div.plot role="img" aria-label=(self.text_alternative()) { (PreEscaped(svg)) },
                    None => p { "Nessun dato nel periodo." },
                }
                details {
                    summary { "Mostra i dati" }
                    div.table-wrap { (self.table()) }
                }
                p.download {
                    a href={ "/redazione/monitoraggio/" (self.slug) ".csv" (query) } download {
                        "Scarica i dati (CSV)"
                        span.sr { ": " (self.title) }
                    }
                }
            }
        }
    }

    fn table(&self) -> Markup {
        html! {
            table {
                caption { (self.title) }
                thead { tr { @for column in &self.columns { th scope="col" { (column) } } } }
                tbody {
                    @for row in &self.rows {
                        tr {
                            @for cell in row {
                                @if cell.numeric() { td.num { (cell.shown()) } } @else { td { (cell.shown()) } }
                            }
                        }
                    }
                    @if self.rows.is_empty() {
                        tr { td colspan=(self.columns.len()) { "Nessun dato nel periodo." } }
                    }
                }
            }
        }
    }

    /// The data as a CSV file.
    pub fn csv(&self) -> Result<String, csv::Error> {
        let mut writer = csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        writer.write_record(&self.columns)?;
        for row in &self.rows {
            writer.write_record(row.iter().map(Cell::csv))?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| csv::Error::from(e.into_error()))?;
        Ok(format!("\u{feff}{}", String::from_utf8_lossy(&bytes)))
    }
}

/// The charts' style on screen and on paper: charts as wide as the page, each section of the
/// report on its own A4 page when printed.
pub(super) const STYLE: &str = r#"
figure.chart{margin:1rem 0;background:#fff;border:1px solid #ccc;border-radius:4px;padding:.5rem 1rem;break-inside:avoid}
figure.chart figcaption{font-weight:700}.plot svg{width:100%;height:auto;max-width:44rem;display:block}
.table-wrap{overflow-x:auto}.figures{display:flex;flex-wrap:wrap;gap:1rem}.figures p{margin:0}
.figures strong{display:block;font-size:1.6rem}.download a{display:inline-block;padding:.3rem 0}
@page{size:A4;margin:15mm}
@media print{header.top,form.period,p.download,p.exports{display:none}main{max-width:none;padding:0}
section.report{break-before:page}section.report:first-of-type{break-before:auto}
figure.chart{border:none;padding:0}
.plot svg{max-width:100%;max-height:110mm}}
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(bars: Vec<(&str, i64)>) -> Dataset {
        Dataset {
            slug: "prova",
            title: "Proposte per bando".into(),
            measure: "proposte per bando",
            columns: vec!["Bando", "Proposte", "Richiesto (€)", "Tempo mediano (ore)"],
            rows: vec![vec![
                Cell::Text("=Think Town".into()),
                Cell::Count(1234),
                Cell::Cents(123_456),
                Cell::Hours(None),
            ]],
            bars: bars.into_iter().map(|(l, v)| (l.to_owned(), v)).collect(),
        }
    }

    #[test]
    fn a_chart_is_an_svg_with_its_words_beside_it() {
        let chart = dataset(vec![("Think Town", 12), ("Giovani in piazza", 3_400)]);
        let svg = chart.svg().expect("bars to draw");
        assert!(svg.starts_with("<svg"), "{}", &svg[..40]);
        assert!(svg.contains("Think Town") && svg.contains("Giovani in piazza"));
        assert_eq!(
            chart.text_alternative(),
            "Grafico a barre, proposte per bando: Think Town 12; Giovani in piazza 3.400."
        );
        let figure = chart.figure("?dal=2026-01-01&al=2026-06-30").into_string();
        assert!(figure.contains(r#"role="img""#));
        assert!(figure.contains("Mostra i dati"));
        assert!(figure.contains(
            r#"href="/redazione/monitoraggio/prova.csv?dal=2026-01-01&amp;al=2026-06-30""#
        ));
        assert!(figure.contains(r#"<td class="num">1.234,56 €</td>"#));
    }

    #[test]
    fn any_shape_of_data_draws() {
        for bars in [
            vec![("solo", 1)],
            vec![("solo", 7)],
            vec![("a", 1), ("b", 1)],
            vec![("a", 0), ("b", 1)],
            vec![("a", 1_000_000), ("b", 3), ("c", 0)],
            (0..31).map(|i| ("giorno", i)).collect(),
        ] {
            let chart = dataset(bars.clone());
            assert!(
                chart.svg().is_some_and(|svg| svg.contains("</svg>")),
                "{bars:?}"
            );
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        /// Counts of a period (none negative), as many bars as the months of a year or the days
        /// of a month, every value from 0 to large: each draws an SVG or says in words that
        /// there is nothing to draw, and never panics.
        #[test]
        fn every_period_s_counts_draw(values in proptest::collection::vec(
            proptest::prop_oneof![0i64..=3, 0i64..=1_000, 0i64..=i64::from(u32::MAX)],
            0..40,
        )) {
            let chart = dataset(values.iter().map(|v| ("mese", *v)).collect());
            let drawn = chart.svg();
            proptest::prop_assert_eq!(drawn.is_none(), values.iter().all(|v| *v == 0));
            proptest::prop_assert!(drawn.is_none_or(|svg| svg.contains("</svg>")));
        }
    }

    #[test]
    fn nothing_to_draw_says_so_in_words() {
        for bars in [vec![], vec![("gen 2026", 0), ("feb 2026", 0)]] {
            let chart = dataset(bars);
            assert!(chart.svg().is_none());
            assert_eq!(
                chart.text_alternative(),
                "Proposte per bando: nessun dato nel periodo."
            );
            assert!(chart
                .figure("")
                .into_string()
                .contains("Nessun dato nel periodo."));
        }
    }

    #[test]
    fn the_csv_is_for_a_spreadsheet_set_to_italian() {
        let csv = dataset(vec![]).csv().unwrap();
        assert_eq!(
            csv,
            "\u{feff}Bando;Proposte;Richiesto (€);Tempo mediano (ore)\r\n'=Think Town;1234;1.234,56;\r\n"
        );
    }
}
