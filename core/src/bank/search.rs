//! The operators' search of the bank, the parts that need no database: the query read from the
//! address (Italian messages by parameter), the full-text expression built from what an
//! operator typed (every word quoted, so nothing typed is FTS5 syntax), the stored values an
//! "at least" filter accepts, the columns kept beside each profile for the filters, and the
//! score of candidates against an opportunity or recruiting day with the phone's ranking.

use std::str::FromStr;

use chrono::NaiveDate;

use super::SearchQuery;
use crate::{
    cv::Cefr,
    matching::{self, Candidate, Education, Language, Profile, Sector},
    opportunity::District,
    validation::ValidationErrors,
};

/// The most candidates one search answers.
pub const RESULTS_MAX: usize = 50;

/// The longest text an operator may search the skills for.
pub const Q_MAX: usize = 200;

fn parse<T: FromStr>(
    errors: &mut ValidationErrors,
    key: &str,
    value: &str,
    message: &str,
) -> Option<T> {
    if value.trim().is_empty() {
        return None;
    }
    let parsed = value.trim().parse().ok();
    if parsed.is_none() {
        errors.push(key, "invalid", message);
    }
    parsed
}

impl SearchQuery {
    /// Reads the query string's pairs; empty values are "any".
    pub fn from_pairs(pairs: &[(String, String)]) -> Result<SearchQuery, ValidationErrors> {
        let mut q = SearchQuery::default();
        let mut errors = ValidationErrors::default();
        for (key, value) in pairs {
            let e = &mut errors;
            match key.as_str() {
                "for" => q.for_item = Some(value.trim().to_owned()).filter(|v| !v.is_empty()),
                "district" => {
                    q.district = parse::<District>(
                        e,
                        key,
                        value,
                        "Zona sconosciuta: cremona, crema o casalmaggiore.",
                    )
                }
                "available_on" => {
                    q.available_on =
                        parse::<NaiveDate>(e, key, value, "Scrivi il giorno come 2026-11-30.")
                }
                "language" => q.language = parse::<Language>(e, key, value, "Lingua sconosciuta."),
                "level" => {
                    q.level = parse::<Cefr>(e, key, value, "Livello sconosciuto: da A1 a C2.")
                }
                "education" => {
                    q.education = parse::<Education>(e, key, value, "Titolo di studio sconosciuto.")
                }
                "sector" => q.sector = parse::<Sector>(e, key, value, "Settore sconosciuto."),
                "q" if value.chars().count() > Q_MAX => {
                    e.push("q", "length", format!("Al massimo {Q_MAX} caratteri."))
                }
                "q" => q.q = Some(value.trim().to_owned()).filter(|v| !v.is_empty()),
                other => e.push(
                    other,
                    "unknown_parameter",
                    format!("Parametro sconosciuto: «{other}»."),
                ),
            }
        }
        if q.level.is_some() && q.language.is_none() {
            errors.push(
                "language",
                "required",
                "Indica la lingua del livello scelto.",
            );
        }
        errors.into_result(q)
    }
}

/// The FTS5 expression for what an operator typed: each word a quoted prefix (`"excel"*`),
/// all of them required. `None` when nothing searchable was typed.
pub fn fts_match(typed: &str) -> Option<String> {
    let words: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(10)
        .map(|w| format!("\"{}\"*", w.replace('"', "\"\"")))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The text of the profile's full-text row: its skills, one per line.
pub fn skills_text(profile: &Profile) -> String {
    profile.skills.join("\n")
}

/// The stored education values at `least` or above.
pub fn education_at_least(least: Education) -> Vec<&'static str> {
    use strum::VariantArray;
    Education::VARIANTS
        .iter()
        .filter(|e| **e >= least)
        .map(|e| e.into())
        .collect()
}

/// The stored language levels at `least` or above.
pub fn levels_at_least(least: Cefr) -> Vec<&'static str> {
    use strum::VariantArray;
    Cefr::VARIANTS
        .iter()
        .filter(|c| **c >= least)
        .map(|c| c.into())
        .collect()
}

/// The columns the filters read, copied from the profile at each write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterColumns {
    pub district: Option<&'static str>,
    pub education: Option<&'static str>,
    pub available_from: Option<String>,
    pub available_until: Option<String>,
}

pub fn filter_columns(profile: &Profile) -> FilterColumns {
    FilterColumns {
        district: profile.district.map(|d| d.into()),
        education: profile.education.map(|e| e.into()),
        available_from: profile.available_from.map(|d| d.to_string()),
        available_until: profile.available_until.map(|d| d.to_string()),
    }
}

/// A reason as the phone words it ("richiede inglese B2: tu B2"), told about the young person
/// to an operator ("richiede inglese B2: B2").
pub fn for_operator(label: &str) -> String {
    label
        .replace(": tu ", ": ")
        .replace("che hai scelto", "che ha scelto")
        .replace("nelle tue date", "nelle sue date")
        .replace("dalle tue date", "dalle sue date")
        .replace("tra le tue competenze", "tra le sue competenze")
}

/// One candidate scored against an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// Its position among the profiles given.
    pub index: usize,
    pub points: u32,
    /// In Italian, as the phone shows them ("Crema · richiede inglese B2: tu B2").
    pub reasons: Vec<String>,
    pub excluded: bool,
}

/// Scores each profile against `item` with the phone's ranking: best first, every excluded one
/// after the others, equal points in the order given (newest first).
pub fn score(profiles: &[Profile], item: &Candidate<'_>) -> Vec<Scored> {
    let items = [*item];
    let facts = matching::prepare(&items);
    let mut scored: Vec<Scored> = profiles
        .iter()
        .enumerate()
        .map(|(index, profile)| {
            let ranked = matching::rank_prepared(profile, &items, &facts)
                .pop()
                .unwrap_or(matching::Ranked {
                    item: 0,
                    points: 0,
                    reasons: Vec::new(),
                });
            Scored {
                index,
                points: ranked.points,
                excluded: ranked.excluded(),
                reasons: ranked
                    .reasons
                    .iter()
                    .map(|r| for_operator(&r.label_it()))
                    .collect(),
            }
        })
        .collect();
    scored.sort_by(|a, b| {
        a.excluded
            .cmp(&b.excluded)
            .then(b.points.cmp(&a.points))
            .then(a.index.cmp(&b.index))
    });
    scored
}

#[cfg(test)]
mod tests;
