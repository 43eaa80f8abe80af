//! The steering group's monitoring report (`/redazione/monitoraggio`): the period it covers, the
//! figures it holds (as one JSON document for the region's tools), and the arithmetic that is not
//! SQL: months of a period, percentiles of the answer times, Italian numbers.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

pub mod activity;

use crate::{
    opportunity::{District, OpportunityKind},
    validation::ValidationErrors,
};

/// Items whose entry was last saved longer ago than this are "not reviewed" (ERYICA: stale
/// information).
pub const STALE_AFTER_DAYS: i64 = 180;

/// The longest period one report covers: a year and a day (bounded queries).
pub const MAX_PERIOD_DAYS: i64 = 366;

/// The days a report covers, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    /// Semester `half` (1: January–June, 2: July–December) of `year`.
    pub fn semester(year: i32, half: u32) -> Option<Self> {
        let (from, to) = match half {
            1 => ((1, 1), (6, 30)),
            2 => ((7, 1), (12, 31)),
            _ => return None,
        };
        Some(Self {
            from: NaiveDate::from_ymd_opt(year, from.0, from.1)?,
            to: NaiveDate::from_ymd_opt(year, to.0, to.1)?,
        })
    }

    /// The semester `day` falls in: the report's default.
    pub fn semester_of(day: NaiveDate) -> Self {
        let half = if day.month() <= 6 { 1 } else { 2 };
        Self::semester(day.year(), half).expect("a semester of a valid date")
    }

    /// Reads `?dal=2026-01-01&al=2026-06-30`, or `?semestre=2026-1`, and `?territorio=crema`.
    /// Nothing given: the semester of `today`, every district.
    pub fn from_query<'a>(
        pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
        today: NaiveDate,
    ) -> Result<(Self, Option<District>), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let (mut from, mut to, mut semester, mut district) = (None, None, None, None);
        let date = |errors: &mut ValidationErrors, field: &str, value: &str| {
            let parsed = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok();
            if parsed.is_none() {
                errors.push(
                    field,
                    "invalid_date",
                    "Scrivi la data come AAAA-MM-GG, per esempio 2026-01-31.",
                );
            }
            parsed
        };
        for (key, value) in pairs {
            match key {
                "dal" if !value.is_empty() => from = date(&mut errors, "dal", value),
                "al" if !value.is_empty() => to = date(&mut errors, "al", value),
                "semestre" if !value.is_empty() => {
                    semester = value
                        .split_once('-')
                        .and_then(|(y, h)| Self::semester(y.parse().ok()?, h.parse().ok()?));
                    if semester.is_none() {
                        errors.push(
                            "semestre",
                            "invalid_semester",
                            "Scrivi il semestre come anno-1 o anno-2, per esempio 2026-1.",
                        );
                    }
                }
                "territorio" if !value.is_empty() => {
                    district = value.parse::<District>().ok();
                    if district.is_none() {
                        errors.push("territorio", "invalid_district", "Territorio sconosciuto.");
                    }
                }
                _ => {}
            }
        }
        let (from_given, to_given) = (
            from.is_some() || errors.for_field("dal").is_some(),
            to.is_some() || errors.for_field("al").is_some(),
        );
        let period = if from_given || to_given {
            if !from_given {
                errors.push(
                    "dal",
                    "required",
                    "Indica anche il primo giorno del periodo.",
                );
            }
            if !to_given {
                errors.push(
                    "al",
                    "required",
                    "Indica anche l'ultimo giorno del periodo.",
                );
            }
            match (from, to) {
                (Some(from), Some(to)) => Self { from, to },
                _ => Self::semester_of(today),
            }
        } else {
            semester.unwrap_or_else(|| Self::semester_of(today))
        };
        // A period that was read: its days in order, and not too long.
        if errors.is_empty() {
            if period.to < period.from {
                errors.push(
                    "al",
                    "before_start",
                    "L'ultimo giorno viene prima del primo.",
                );
            } else if (period.to - period.from).num_days() >= MAX_PERIOD_DAYS {
                errors.push(
                    "al",
                    "too_long",
                    "Il periodo può durare al massimo un anno.",
                );
            }
        }
        errors.into_result((period, district))
    }

    /// Every month the period touches, in order.
    pub fn months(&self) -> Vec<Month> {
        let mut months = vec![];
        let mut month = Month::of(self.from);
        while month.first_day() <= self.to {
            months.push(month);
            month = month.next();
        }
        months
    }
}

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

const MONTHS_IT: [&str; 12] = [
    "gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic",
];

impl Month {
    pub fn of(day: NaiveDate) -> Self {
        Self {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("a month of a valid date")
    }

    pub fn next(self) -> Self {
        if self.month == 12 {
            Self {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Self {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn last_day(self) -> NaiveDate {
        self.next()
            .first_day()
            .pred_opt()
            .expect("a day before a month")
    }

    /// `2026-03`, as in the JSON, the CSV and the stored times' first seven characters.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// `mar 2026`.
    pub fn label_it(self) -> String {
        format!("{} {}", MONTHS_IT[self.month as usize - 1], self.year)
    }
}

/// The `pct`-th percentile of `sorted` (ascending) by the nearest-rank method: the smallest value
/// with at least `pct`% of the values at or below it. `None` for no values.
pub fn percentile(sorted: &[i64], pct: u32) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (pct as usize * sorted.len()).div_ceil(100).max(1);
    sorted.get(rank - 1).copied()
}

/// Answer times of one group of questions (a topic, or an answering body).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerTimes {
    pub group: String,
    pub answered: u32,
    /// Hours from the question to its answer, rounded down.
    pub median_hours: Option<i64>,
    pub p90_hours: Option<i64>,
}

/// Groups `(group, minutes to answer)` and gives each group's count, median and 90th percentile,
/// in hours, groups in name order.
pub fn answer_times<'a>(rows: impl IntoIterator<Item = (&'a str, i64)>) -> Vec<AnswerTimes> {
    let mut groups: std::collections::BTreeMap<&str, Vec<i64>> = Default::default();
    for (group, minutes) in rows {
        groups.entry(group).or_default().push(minutes);
    }
    groups
        .into_iter()
        .map(|(group, mut minutes)| {
            minutes.sort_unstable();
            AnswerTimes {
                group: group.to_owned(),
                answered: minutes.len() as u32,
                median_hours: percentile(&minutes, 50).map(|m| m / 60),
                p90_hours: percentile(&minutes, 90).map(|m| m / 60),
            }
        })
        .collect()
}

/// `12.345`: an integer as Italian documents write it.
pub fn italian_number(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if n < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// `31/01/2026`.
pub fn italian_date(day: NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// The whole report, as `/redazione/monitoraggio.json` serves it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub period: Period,
    /// The district filter, if any (opportunities only: questions and proposals have none).
    pub district: Option<District>,
    pub content: ContentFigures,
    pub questions: QuestionFigures,
    pub proposals: ProposalFigures,
    pub reach: Vec<ReachDay>,
    /// Labs whose first session falls in the period, and the desk's appointment slots of it.
    pub activity: activity::ActivityFigures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContentFigures {
    /// Opportunities by the month of their first publication, kind and district.
    pub published: Vec<PublishedCount>,
    /// Opportunities published and not past their deadline at the end of each month.
    pub open_at_month_end: Vec<MonthCount>,
    pub guides_updated: u32,
    /// Published items whose entry was last saved more than `stale_after_days` ago, by kind.
    pub stale_after_days: i64,
    pub stale: Vec<KindCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishedCount {
    /// `2026-03`.
    pub month: String,
    pub kind: OpportunityKind,
    pub district: District,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthCount {
    pub month: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KindCount {
    pub kind: crate::ContentKind,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionFigures {
    pub received: u32,
    pub answered: u32,
    pub declined: u32,
    /// By topic (`Topic`'s wire name).
    pub by_topic: Vec<AnswerTimes>,
    /// By the body that signed the answer.
    pub by_body: Vec<AnswerTimes>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalFigures {
    pub by_call: Vec<CallProposals>,
    /// Groups whose first proposal ever was submitted in the period.
    pub first_time_groups: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallProposals {
    pub call_id: String,
    pub call_title: Option<String>,
    /// The working status, or the published decision (`funded`, `not_funded`).
    pub status: String,
    pub count: u32,
    /// Euro cents.
    pub requested: i64,
    pub granted: i64,
}

/// Sync pulls on one day, counted without any identifier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReachDay {
    pub day: NaiveDate,
    pub pulls: u32,
    /// Pulls from an empty store (`since=0`): new installs, or a store cleared.
    pub first_pulls: u32,
}

#[cfg(test)]
mod tests;
