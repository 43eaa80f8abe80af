//! Dates as Italian readers expect them: "15 dicembre 2026", "scade tra 3 giorni".

use chrono::{Datelike, NaiveDate};

const MONTHS: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// "1 gennaio 2027".
pub fn format_it(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// What a deadline means today, in a few words.
pub fn deadline_label(deadline: NaiveDate, today: NaiveDate) -> String {
    match (deadline - today).num_days() {
        d if d < 0 => format!("Scaduta il {}", format_it(deadline)),
        0 => "Scade oggi".to_owned(),
        1 => "Scade domani".to_owned(),
        d if d <= 30 => format!("Scade tra {d} giorni"),
        _ => format!("Scade il {}", format_it(deadline)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_read_as_in_italian() {
        assert_eq!(format_it(day(2027, 1, 1)), "1 gennaio 2027");
        assert_eq!(format_it(day(2026, 12, 15)), "15 dicembre 2026");
    }

    #[test]
    fn deadlines_count_down_then_say_expired() {
        let today = day(2026, 11, 22);
        assert_eq!(deadline_label(day(2026, 11, 22), today), "Scade oggi");
        assert_eq!(deadline_label(day(2026, 11, 23), today), "Scade domani");
        assert_eq!(
            deadline_label(day(2026, 12, 2), today),
            "Scade tra 10 giorni"
        );
        assert_eq!(
            deadline_label(day(2027, 3, 1), today),
            "Scade il 1 marzo 2027"
        );
        assert_eq!(
            deadline_label(day(2026, 11, 1), today),
            "Scaduta il 1 novembre 2026"
        );
    }
}
