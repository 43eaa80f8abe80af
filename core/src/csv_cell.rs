//! Text cells of the CSV files the desk exports. Spreadsheets read a cell that starts with `=`,
//! `+`, `-` or `@` as a formula (and some trim a leading tab or carriage return first), so a
//! group name like `=HYPERLINK(…)` typed by anyone who signs up would run on the reviewer's
//! computer when the file is opened. OWASP's "CSV injection" advice: start such a cell with a
//! single quote, which spreadsheets take as "this is text" and do not show.

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `value` as a text cell that a spreadsheet shows and never runs: prefixed with `'` when it
/// starts like a formula, unchanged otherwise.
///
/// Only for text (names, titles, comments): an amount the code formats from a number, such as
/// `-12,50`, must stay a number, so it does not go through here.
pub fn text(value: &str) -> String {
    if value.starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_formula_start_gets_a_quote() {
        for value in [
            "=HYPERLINK(\"https://evil.example\";\"Clicca\")",
            "+1+1",
            "-2+3",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
        ] {
            assert_eq!(text(value), format!("'{value}"), "{value:?}");
        }
    }

    #[test]
    fn harmless_text_is_unchanged() {
        for value in [
            "Giovani del Po",
            "Cinema; sul \"fiume\"",
            "Costo = 100 €",
            "E-mail: info@esempio.it",
            "'già citato'",
            "",
        ] {
            assert_eq!(text(value), value, "{value:?}");
        }
    }
}
