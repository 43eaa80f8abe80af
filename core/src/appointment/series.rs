//! A weekly opening of the desk: on one weekday, from a start time in Italian time, a number of
//! consecutive slots of one length, every week between two dates. The desk types it; the worker
//! stores one slot per occurrence ([`SeriesInput::occurrences`]).

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use super::{AppointmentTopic, Mode};
use crate::validation::ValidationErrors;

/// Italian names of the weekdays, Monday first (the series' `weekday` 1–7).
pub const WEEKDAYS_IT: [&str; 7] = [
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
];
/// The most slots one series may open (a year of a busy weekly morning).
pub const MAX_SLOTS_PER_SERIES: usize = 600;
const MAX_WEEKS: i64 = 53;
const MAX_CUTOFF_HOURS: u32 = 7 * 24;

/// `POST /api/v1/desk/appointments/series`, and the desk's form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeriesInput {
    pub topic: AppointmentTopic,
    /// 1 = lunedì … 7 = domenica.
    pub weekday: u8,
    /// The first slot's start, Italian time (`09:30`).
    pub start_time: NaiveTime,
    pub slot_minutes: u32,
    /// Consecutive slots each day.
    pub slots: u32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub mode: Mode,
    /// The desk's address, or how the video call's link arrives.
    pub place: String,
    /// Hours before the start after which a booking can no longer be cancelled.
    pub cutoff_hours: u32,
}

impl SeriesInput {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if !(1..=7).contains(&self.weekday) {
            errors.push("weekday", "invalid", "Scegli un giorno della settimana.");
        }
        if !(10..=240).contains(&self.slot_minutes) {
            errors.push(
                "slot_minutes",
                "out_of_range",
                "Ogni appuntamento dura da 10 a 240 minuti.",
            );
        }
        if !(1..=24).contains(&self.slots) {
            errors.push(
                "slots",
                "out_of_range",
                "Da 1 a 24 appuntamenti di seguito per giorno.",
            );
        }
        let day_ends = self.start_time
            + Duration::minutes(i64::from(self.slot_minutes) * i64::from(self.slots));
        if self.slots > 0 && self.slot_minutes > 0 && day_ends <= self.start_time {
            errors.push(
                "slots",
                "past_midnight",
                "Gli appuntamenti di un giorno devono finire entro mezzanotte.",
            );
        }
        if self.to < self.from {
            errors.push(
                "to",
                "before_from",
                "La data finale viene dopo quella iniziale.",
            );
        } else if (self.to - self.from).num_weeks() >= MAX_WEEKS {
            errors.push("to", "too_long", "Una serie dura al massimo un anno.");
        }
        let place_field = match self.mode {
            Mode::InPerson => "Scrivi l'indirizzo dello sportello.",
            Mode::VideoCall => "Scrivi come arriva il link della videochiamata.",
        };
        if self.place.trim().is_empty() {
            errors.push("place", "required", place_field);
        } else {
            errors.text("place", &self.place, 200);
        }
        if self.cutoff_hours > MAX_CUTOFF_HOURS {
            errors.push(
                "cutoff_hours",
                "out_of_range",
                format!("Al massimo {MAX_CUTOFF_HOURS} ore (una settimana) prima."),
            );
        }
        if errors.is_empty() && self.occurrences().is_empty() {
            errors.push(
                "from",
                "no_slots",
                format!(
                    "Tra queste date non c'è nessun giorno di {}.",
                    WEEKDAYS_IT[usize::from(self.weekday - 1)]
                ),
            );
        }
        if errors.is_empty() && self.occurrences().len() > MAX_SLOTS_PER_SERIES {
            errors.push(
                "slots",
                "too_many",
                format!("Al massimo {MAX_SLOTS_PER_SERIES} appuntamenti per serie."),
            );
        }
        errors.into_result(())
    }

    /// Every slot of the series as UTC start and end, in order. A start that does not exist in
    /// Italian time (the hour skipped when summer time begins) is left out.
    pub fn occurrences(&self) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let mut out = Vec::new();
        if !(1..=7).contains(&self.weekday) || self.to < self.from {
            return out;
        }
        let length = Duration::minutes(i64::from(self.slot_minutes));
        let mut day = self.from;
        while day <= self.to {
            if day.weekday().number_from_monday() == u32::from(self.weekday) {
                let mut start = day.and_time(self.start_time);
                for _ in 0..self.slots {
                    if start.date() != day {
                        break;
                    }
                    if let Some(local) = chrono_tz::Europe::Rome
                        .from_local_datetime(&start)
                        .earliest()
                    {
                        let utc = local.with_timezone(&Utc);
                        out.push((utc, utc + length));
                    }
                    start += length;
                }
            }
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> SeriesInput {
        SeriesInput {
            topic: AppointmentTopic::Cv,
            weekday: 2,
            start_time: NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            slot_minutes: 30,
            slots: 3,
            from: NaiveDate::from_ymd_opt(2027, 3, 15).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 4, 5).unwrap(),
            mode: Mode::InPerson,
            place: "Informagiovani, via Palestro 11, Cremona".into(),
            cutoff_hours: 24,
        }
    }

    #[test]
    fn a_weekly_opening_is_its_slots_in_italian_time_across_summer_time() {
        let slots = series().occurrences();
        // Tuesdays 16, 23, 30 March 2027: summer time starts on Sunday 28 March.
        let starts: Vec<String> = slots.iter().map(|(s, _)| crate::time::format(s)).collect();
        assert_eq!(
            starts,
            [
                "2027-03-16T08:30:00.000Z",
                "2027-03-16T09:00:00.000Z",
                "2027-03-16T09:30:00.000Z",
                "2027-03-23T08:30:00.000Z",
                "2027-03-23T09:00:00.000Z",
                "2027-03-23T09:30:00.000Z",
                "2027-03-30T07:30:00.000Z",
                "2027-03-30T08:00:00.000Z",
                "2027-03-30T08:30:00.000Z",
            ]
        );
        assert!(slots.iter().all(|(s, e)| *e - *s == Duration::minutes(30)));
        assert!(series().validate().is_ok());
    }

    #[test]
    fn a_series_that_cannot_be_opened_says_why_in_italian() {
        let bad = SeriesInput {
            weekday: 9,
            slot_minutes: 5,
            to: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            place: " ".into(),
            cutoff_hours: 1000,
            ..series()
        };
        let fields: Vec<String> = bad
            .validate()
            .unwrap_err()
            .0
            .iter()
            .map(|e| e.field.to_string())
            .collect();
        assert_eq!(
            fields,
            ["weekday", "slot_minutes", "to", "place", "cutoff_hours"]
        );
        let no_day = SeriesInput {
            weekday: 7,
            from: NaiveDate::from_ymd_opt(2027, 3, 16).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 3, 18).unwrap(),
            ..series()
        };
        let errors = no_day.validate().unwrap_err();
        assert_eq!(
            errors.0[0].message,
            "Tra queste date non c'è nessun giorno di domenica."
        );
        let late = SeriesInput {
            start_time: NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
            ..series()
        };
        assert_eq!(late.validate().unwrap_err().0[0].code, "past_midnight");
    }

    #[test]
    fn times_are_typed_as_hours_and_minutes() {
        let json = serde_json::json!({"topic":"job_search","weekday":1,"start_time":"14:00",
            "slot_minutes":45,"slots":2,"from":"2027-01-04","to":"2027-01-11","mode":"video_call",
            "place":"Il link arriva per e-mail","cutoff_hours":2});
        let input: SeriesInput = serde_json::from_value(json).unwrap();
        assert_eq!(input.occurrences().len(), 4);
    }
}
