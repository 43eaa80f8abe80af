//! Recruiting days (seed 003, the Rete per il Lavoro): an event where companies meet young
//! people, with the companies attending and their open roles, and interview times that an
//! invited candidate may choose when accepting an operator's invitation ([`crate::bank`]).
//! Published from the desk and synced like the other kinds (`ContentKind::RecruitingDay`).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::{
    matching::{Candidate, Sector},
    opportunity::{District, OpportunityKind},
};

pub mod calendar;
mod input;
pub mod jsonld;

pub use input::{RecruitingDayInput, MAX_COMPANIES, MAX_ROLES, MAX_SLOTS};

/// One open role of a company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// How many people the company looks for.
    pub positions: u16,
}

/// A company attending, with its open roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub name: String,
    #[serde(default)]
    pub sector: Option<Sector>,
    pub roles: Vec<Role>,
}

/// A published recruiting day as it travels in the feed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecruitingDay {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub summary: String,
    /// Sanitised HTML rendered by the worker from the editor's Markdown.
    #[serde(default)]
    pub description_html: String,
    pub district: District,
    /// The address, written to wrap on a phone.
    pub place: String,
    #[serde(with = "crate::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub ends_at: DateTime<Utc>,
    #[serde(default)]
    pub age_min: Option<u8>,
    #[serde(default)]
    pub age_max: Option<u8>,
    pub companies: Vec<Company>,
    /// The interview times an invited candidate may choose from (start times).
    #[serde(default)]
    pub slots: Vec<DateTime<Utc>>,
    /// The organiser (the job desk or Informagiovani that runs it).
    pub organiser: String,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

impl RecruitingDay {
    /// Whether the day is over at `now` (it has ended).
    pub fn is_past(&self, now: DateTime<Utc>) -> bool {
        now >= self.ends_at
    }

    /// Every open position of every company ("12 posti").
    pub fn positions(&self) -> u32 {
        self.companies
            .iter()
            .flat_map(|c| &c.roles)
            .map(|r| u32::from(r.positions))
            .sum()
    }

    /// The "Età" line, when the day is for some ages only: "18–29 anni", "da 18 anni".
    pub fn ages_label(&self) -> Option<String> {
        match (self.age_min, self.age_max) {
            (Some(min), Some(max)) => Some(format!("{min}–{max} anni")),
            (Some(min), None) => Some(format!("da {min} anni")),
            (None, Some(max)) => Some(format!("fino a {max} anni")),
            (None, None) => None,
        }
    }

    /// The day as ranking reads it: an opportunity of kind "lavoro" in its district, whose words
    /// are its title, summary and the companies' roles; it "expires" once it has begun.
    pub fn texts(&self) -> String {
        let mut text = String::new();
        for company in &self.companies {
            for role in &company.roles {
                text.push_str(&role.title);
                text.push(' ');
                text.push_str(&role.description);
                text.push(' ');
            }
        }
        text
    }

    /// `roles` is [`RecruitingDay::texts`], kept by the caller so the candidate can borrow it.
    pub fn candidate<'a>(&'a self, roles: &'a str, now: DateTime<Utc>) -> Candidate<'a> {
        let day: NaiveDate = self.starts_at.date_naive();
        Candidate {
            kind: OpportunityKind::Job,
            district: self.district,
            age_min: self.age_min,
            age_max: self.age_max,
            deadline: Some(day),
            expired: now >= self.starts_at,
            starts_on: Some(day),
            ends_on: Some(self.ends_at.date_naive()),
            title: &self.title,
            texts: [&self.title, &self.summary, roles],
        }
    }
}

/// The order of the list: days still to come (or under way) first, soonest first; then the
/// past ones, most recent first.
pub fn order(days: &mut [RecruitingDay], now: DateTime<Utc>) {
    days.sort_by(|a, b| match (a.is_past(now), b.is_past(now)) {
        (false, false) => a.starts_at.cmp(&b.starts_at).then_with(|| a.id.cmp(&b.id)),
        (true, true) => b.starts_at.cmp(&a.starts_at).then_with(|| a.id.cmp(&b.id)),
        (past, _) => past.cmp(&!past),
    });
}

#[cfg(test)]
pub(crate) mod fixtures;

#[cfg(test)]
mod tests;
