//! "Per te": the synced opportunities and calls ranked against what the young person chooses to
//! tell about themselves, on the phone only. Each result carries its reasons as typed values
//! (`Reason`), rendered in Italian ("Crema · tirocinio · richiede inglese B2: tu B2").
//!
//! The rules:
//! - a criterion is used for an item when the profile sets it and the item says something about
//!   it; the reasons list exactly the criteria used, one reason per language and per skill;
//! - a hard mismatch (a district beyond the travel range, an age outside the item's range, a
//!   deadline passed) puts the item below every item without one, whatever else it matches;
//! - otherwise items are ordered by the points of the criteria they meet, then by the nearest
//!   deadline.

mod detect;
mod from_cv;
mod reason;
mod words;

pub use from_cv::profile_from_cv;
pub use reason::{Criterion, Fit, Reason};
pub use words::{Education, Language, Reach, Sector};

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    call::{Call, CallPhase},
    cv::Cefr,
    opportunity::{District, Opportunity, OpportunityKind},
    validation::{FieldPath, ValidationErrors},
};

/// A language the young person knows, at the level they give themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spoken {
    pub language: Language,
    pub level: Cefr,
}

/// What the young person chooses to tell. Every field may stay empty: an empty one is not
/// used. Kept on the phone only.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Profile {
    /// One of the province's three districts.
    pub district: Option<District>,
    pub reach: Reach,
    pub age: Option<u8>,
    /// Empty: every kind.
    pub kinds: Vec<OpportunityKind>,
    pub sectors: Vec<Sector>,
    /// Free from this day on.
    pub available_from: Option<NaiveDate>,
    /// Free until this day.
    pub available_until: Option<NaiveDate>,
    pub languages: Vec<Spoken>,
    pub education: Option<Education>,
    /// Words or short phrases: "Excel", "patente B", "HACCP".
    pub skills: Vec<String>,
}

pub const AGE_MIN: u8 = 14;
pub const AGE_MAX: u8 = 99;
pub const SKILLS_MAX: usize = 20;
pub const SKILL_LEN_MAX: usize = 60;

impl Profile {
    /// What the profile form checks before it keeps the profile.
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.district.is_some_and(|d| {
            !matches!(
                d,
                District::Cremona | District::Crema | District::Casalmaggiore
            )
        }) {
            errors.push(
                "district",
                "district",
                "Scegli Cremona, Crema o Casalmaggiore.",
            );
        }
        if self.age.is_some_and(|a| !(AGE_MIN..=AGE_MAX).contains(&a)) {
            errors.push(
                "age",
                "age_out_of_range",
                format!("Indica un'età tra {AGE_MIN} e {AGE_MAX} anni."),
            );
        }
        if let (Some(from), Some(until)) = (self.available_from, self.available_until) {
            if until < from {
                errors.push(
                    "available_until",
                    "date_order",
                    "La data di fine non può precedere la data di inizio.",
                );
            }
        }
        for (i, spoken) in self.languages.iter().enumerate() {
            if self.languages[..i]
                .iter()
                .any(|s| s.language == spoken.language)
            {
                errors.push(
                    FieldPath::from("languages").index(i),
                    "duplicate",
                    "Questa lingua è già nell'elenco.",
                );
            }
        }
        if self.skills.len() > SKILLS_MAX {
            errors.push(
                "skills",
                "too_many",
                format!("Al massimo {SKILLS_MAX} competenze."),
            );
        }
        for (i, skill) in self.skills.iter().enumerate() {
            if skill.chars().count() > SKILL_LEN_MAX {
                errors.push(
                    FieldPath::from("skills").index(i),
                    "too_long",
                    format!("Al massimo {SKILL_LEN_MAX} caratteri per competenza."),
                );
            }
        }
        errors.into_result(())
    }

    /// Whether the young person has told anything at all.
    pub fn is_empty(&self) -> bool {
        Profile {
            reach: self.reach,
            ..Profile::default()
        } == *self
    }

    fn level_in(&self, language: Language) -> Option<Cefr> {
        self.languages
            .iter()
            .find(|s| s.language == language)
            .map(|s| s.level)
    }
}

/// What ranking reads of an item, opportunity or call alike.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub kind: OpportunityKind,
    pub district: District,
    pub age_min: Option<u8>,
    pub age_max: Option<u8>,
    /// The last day to apply, if any.
    pub deadline: Option<NaiveDate>,
    /// The deadline has passed.
    pub expired: bool,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub title: &'a str,
    /// Where words are looked for: title, summary, description.
    pub texts: [&'a str; 3],
}

impl<'a> Candidate<'a> {
    pub fn opportunity(o: &'a Opportunity, today: NaiveDate) -> Self {
        Candidate {
            kind: o.kind,
            district: o.district,
            age_min: o.age_min,
            age_max: o.age_max,
            deadline: o.deadline,
            expired: !o.is_open_on(today),
            starts_on: o.starts_on,
            ends_on: o.ends_on,
            title: &o.title,
            texts: [&o.title, &o.summary, &o.description_html],
        }
    }

    /// A call for youth-led projects, as an opportunity of kind "bando". Its deadline is the
    /// day it closes (UTC: the phone shows it in Italian time).
    pub fn call(c: &'a Call, now: DateTime<Utc>) -> Self {
        Candidate {
            kind: OpportunityKind::Call,
            district: c.district.unwrap_or(District::Province),
            age_min: Some(c.age_min),
            age_max: Some(c.age_max),
            deadline: Some(c.closes_at.date_naive()),
            expired: c.phase(now) == CallPhase::Closed,
            starts_on: None,
            ends_on: None,
            title: &c.title,
            texts: [&c.title, &c.summary, &c.description_html],
        }
    }
}

/// One ranked item: its position in the input, its points and reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranked {
    pub item: usize,
    pub points: u32,
    pub reasons: Vec<Reason>,
}

impl Ranked {
    /// Some reason excludes it: beyond the travel range, outside the age range, expired.
    pub fn excluded(&self) -> bool {
        self.reasons.iter().any(|r| r.fit() == Fit::Excluded)
    }

    /// Every criterion used is met.
    pub fn full(&self) -> bool {
        self.reasons.iter().all(|r| r.fit() == Fit::Met)
    }

    /// What "Per te" shows and the home page counts: nothing excludes it, and it is of a kind
    /// the young person asked for (when they chose kinds).
    pub fn is_match(&self) -> bool {
        !self.excluded()
            && !self
                .reasons
                .iter()
                .any(|r| r.criterion() == Criterion::Kind && r.fit() != Fit::Met)
    }

    /// The reasons in Italian, joined as the list shows them.
    pub fn summary_it(&self) -> String {
        join(self.reasons.iter().map(Reason::label_it))
    }

    pub fn summary_en(&self) -> String {
        join(self.reasons.iter().map(Reason::label_en))
    }
}

fn join(parts: impl Iterator<Item = String>) -> String {
    parts.collect::<Vec<_>>().join(" · ")
}

/// The reasons of one item against the profile, in a fixed order: district, kind, age,
/// deadline, availability, sector, education, languages, skills.
fn assess(
    profile: &Profile,
    item: &Candidate<'_>,
    facts: &Facts,
    needles: &detect::SkillNeedles,
) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if let Some(home) = profile.district {
        reasons.push(Reason::District {
            item: item.district,
            home,
            within: Reach::needed(home, item.district) <= profile.reach,
        });
    }
    if !profile.kinds.is_empty() {
        reasons.push(Reason::Kind {
            kind: item.kind,
            wanted: profile.kinds.contains(&item.kind),
        });
    }
    if let Some(age) = profile.age {
        if item.age_min.is_some() || item.age_max.is_some() {
            reasons.push(Reason::Age {
                min: item.age_min,
                max: item.age_max,
                yours: age,
            });
        }
    }
    if item.expired {
        reasons.push(Reason::Expired {
            deadline: item.deadline,
        });
    }
    if (profile.available_from.is_some() || profile.available_until.is_some())
        && (item.starts_on.is_some() || item.ends_on.is_some())
    {
        let starts_in_time = match (profile.available_from, item.starts_on) {
            (Some(from), Some(start)) => start >= from,
            _ => true,
        };
        let ends_in_time = match (profile.available_until, item.ends_on.or(item.starts_on)) {
            (Some(until), Some(end)) => end <= until,
            _ => true,
        };
        reasons.push(Reason::Period {
            starts_on: item.starts_on,
            ends_on: item.ends_on,
            fits: starts_in_time && ends_in_time,
        });
    }
    let found = &facts.found;
    // Only an item whose words start as some skill's stems do is read again for its skills.
    let skills = if !needles.is_empty() && needles.may_match(&facts.keys) {
        detect::scan(&item.texts, needles).skills
    } else {
        0
    };
    if !profile.sectors.is_empty() && found.sectors != 0 {
        let chosen = profile
            .sectors
            .iter()
            .copied()
            .find(|s| found.sectors & s.bit() != 0);
        let first = words::first_sector(found.sectors);
        reasons.push(Reason::Sector {
            sector: chosen.unwrap_or(first),
            wanted: chosen.is_some(),
        });
    }
    if let (Some(yours), Some(needed)) = (profile.education, found.education) {
        reasons.push(Reason::Education { needed, yours });
    }
    if !profile.languages.is_empty() {
        for &(language, needed) in &found.languages {
            reasons.push(Reason::Language {
                language,
                needed,
                yours: profile.level_in(language),
            });
        }
    }
    for (i, skill) in profile.skills.iter().enumerate().take(64) {
        if skills & (1 << i) != 0 {
            reasons.push(Reason::Skill {
                skill: skill.trim().to_owned(),
            });
        }
    }
    reasons
}

/// What an item's text says that any profile is compared with (its languages, sectors and
/// education), and the keys of its words, which tell at once whether it may name a skill. It
/// depends on the item alone: read once when the items change, then ranked against any profile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    found: detect::Found,
    keys: Box<[u16]>,
}

/// The facts of each item, in order.
pub fn prepare(items: &[Candidate<'_>]) -> Vec<Facts> {
    let needles = detect::SkillNeedles::default();
    let mut keys = Vec::new();
    items
        .iter()
        .map(|item| {
            keys.clear();
            let found = detect::scan_keeping_keys(&item.texts, &needles, Some(&mut keys));
            Facts {
                found,
                keys: keys.as_slice().into(),
            }
        })
        .collect()
}

/// Ranks `items` for `profile`: best first, every excluded item after every other.
pub fn rank(profile: &Profile, items: &[Candidate<'_>]) -> Vec<Ranked> {
    rank_prepared(profile, items, &prepare(items))
}

/// `rank` with the items' facts already read (`prepare`, in the same order).
pub fn rank_prepared(profile: &Profile, items: &[Candidate<'_>], facts: &[Facts]) -> Vec<Ranked> {
    let needles = detect::SkillNeedles::new(&profile.skills);
    let mut ranked: Vec<Ranked> = items
        .iter()
        .zip(facts)
        .enumerate()
        .map(|(i, (item, facts))| {
            let reasons = assess(profile, item, facts, &needles);
            Ranked {
                item: i,
                points: reasons.iter().map(Reason::points).sum(),
                reasons,
            }
        })
        .collect();
    let excluded: Vec<bool> = {
        let mut flags = vec![false; items.len()];
        for r in &ranked {
            flags[r.item] = r.excluded();
        }
        flags
    };
    ranked.sort_by(|a, b| {
        let (x, y) = (&items[a.item], &items[b.item]);
        excluded[a.item]
            .cmp(&excluded[b.item])
            .then(b.points.cmp(&a.points))
            .then_with(|| match (x.deadline, y.deadline) {
                (Some(d), Some(e)) => d.cmp(&e),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            })
            .then_with(|| x.title.cmp(y.title))
            .then(a.item.cmp(&b.item))
    });
    ranked
}

#[cfg(test)]
mod tests;
