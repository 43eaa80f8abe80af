//! What the reviewers' endpoints answer, and the arithmetic behind it (averages in hundredths,
//! Italian numbers). Plain functions: tested natively.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sito_core::{
    budget::{BudgetTotals, Cents},
    call::Criterion,
    proposal::{Decision, ProposalBody, ProposalStatus},
};

pub use crate::db::review::{CallLine, StaffEvent};

/// `GET /api/v1/review/calls/{id}/proposals`: one line per proposal of the call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalLine {
    pub id: String,
    pub protocol: String,
    pub group_name: String,
    pub title: String,
    pub requested: Cents,
    pub total: Cents,
    /// The working status (outcomes are in `decision`).
    pub status: ProposalStatus,
    pub reviews: u32,
    /// The average weighted score of its reviews, in hundredths of a point out of 100.
    pub average: Option<u32>,
    /// The caller has scored it.
    pub scored_by_me: bool,
    /// The proposed decision (published or not).
    pub decision: Option<Decision>,
    pub decision_published: bool,
}

/// One reviewer's scores as the reviewers see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewView {
    pub reviewer_id: String,
    pub reviewer: String,
    pub scores: Vec<u8>,
    /// Hundredths of a point out of 100.
    pub weighted: u32,
    pub comment: String,
    /// The private note: present only in the answer to the reviewer who wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    pub mine: bool,
    #[serde(with = "sito_core::time")]
    pub updated_at: DateTime<Utc>,
}

/// `GET /api/v1/review/proposals/{id}`: the whole proposal for its reviewers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewProposal {
    pub id: String,
    pub call_id: String,
    pub call_title: String,
    pub protocol: String,
    pub revision: u32,
    pub status: ProposalStatus,
    #[serde(with = "sito_core::time")]
    pub first_submitted_at: DateTime<Utc>,
    #[serde(with = "sito_core::time")]
    pub submitted_at: DateTime<Utc>,
    /// The last change of any kind (a revision, a status, a decision).
    #[serde(with = "sito_core::time")]
    pub updated_at: DateTime<Utc>,
    pub body: ProposalBody,
    /// The budget's totals under the call's rules (absent if the call is gone).
    pub totals: Option<BudgetTotals>,
    /// The call's scoring grid, in order: one score per criterion.
    pub criteria: Vec<Criterion>,
    pub timeline: Vec<StaffEvent>,
    pub reviews: Vec<ReviewView>,
    /// The average weighted score, hundredths of a point out of 100.
    pub average: Option<u32>,
    /// The average score of each criterion, hundredths of a point out of 10.
    pub criterion_averages: Vec<Option<u32>>,
    pub decision: Option<Decision>,
    pub decided_by: Option<String>,
    #[serde(default, with = "sito_core::time::option")]
    pub decision_published_at: Option<DateTime<Utc>>,
}

impl ReviewProposal {
    /// The caller's own review, if they wrote one.
    pub fn mine(&self) -> Option<&ReviewView> {
        self.reviews.iter().find(|r| r.mine)
    }

    /// Changes may be asked and decisions proposed: not withdrawn, nothing published yet.
    pub fn open(&self) -> bool {
        self.status != ProposalStatus::Withdrawn && self.decision_published_at.is_none()
    }
}

/// The rounded average of `values` (half up), or `None` for none.
pub fn average(values: impl IntoIterator<Item = u32>) -> Option<u32> {
    let (sum, count) = values
        .into_iter()
        .fold((0u64, 0u64), |(s, c), v| (s + u64::from(v), c + 1));
    (count > 0).then(|| ((sum * 2 + count) / (count * 2)) as u32)
}

/// The average of each criterion over the reviews, in hundredths of a point (0–1000). Reviews
/// with the wrong number of scores (the call's grid changed) are left out of every average.
pub fn criterion_averages(criteria: usize, reviews: &[Vec<u8>]) -> Vec<Option<u32>> {
    let usable: Vec<&Vec<u8>> = reviews.iter().filter(|s| s.len() == criteria).collect();
    (0..criteria)
        .map(|i| average(usable.iter().map(|s| u32::from(s[i]) * 100)))
        .collect()
}

/// Hundredths as an Italian decimal with two digits: `7250` → `72,50`.
pub fn hundredths(value: u32) -> String {
    format!("{},{:02}", value / 100, value % 100)
}

/// An amount as Italian documents write it, without the sign: `1.234,56`.
pub fn euros(amount: Cents) -> String {
    amount.to_string().trim_end_matches(" €").to_owned()
}

/// The decision in words.
pub fn decision_label(decision: &Decision) -> &'static str {
    match decision {
        Decision::Funded { .. } => "Finanziata",
        Decision::NotFunded { .. } => "Non finanziata",
    }
}

/// The filter of the proposals of a call: all, those the caller has still to score, or those
/// they scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    ToScore,
    Scored,
}

impl Filter {
    pub const ALL: [Filter; 3] = [Self::All, Self::ToScore, Self::Scored];

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "" | "tutte" => Some(Self::All),
            "da-valutare" => Some(Self::ToScore),
            "valutate" => Some(Self::Scored),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::All => "tutte",
            Self::ToScore => "da-valutare",
            Self::Scored => "valutate",
        }
    }

    pub fn label_it(self) -> &'static str {
        match self {
            Self::All => "Tutte",
            Self::ToScore => "Da valutare",
            Self::Scored => "Valutate da me",
        }
    }

    pub fn keeps(self, line: &ProposalLine) -> bool {
        match self {
            Self::All => true,
            Self::ToScore => !line.scored_by_me,
            Self::Scored => line.scored_by_me,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_round_half_up_and_none_for_nothing() {
        assert_eq!(average([]), None);
        assert_eq!(average([6200, 8000]), Some(7100));
        assert_eq!(average([1, 2]), Some(2));
        assert_eq!(average([1, 1, 2]), Some(1));
    }

    #[test]
    fn criterion_averages_skip_reviews_of_another_grid() {
        let reviews = vec![vec![7, 5], vec![8, 6], vec![10]];
        assert_eq!(criterion_averages(2, &reviews), vec![Some(750), Some(550)]);
        assert_eq!(criterion_averages(1, &[]), vec![None]);
    }

    #[test]
    fn numbers_are_written_the_italian_way() {
        assert_eq!(hundredths(7250), "72,50");
        assert_eq!(hundredths(5), "0,05");
        assert_eq!(euros(Cents(123_456)), "1.234,56");
        assert_eq!(euros(Cents(80_000)), "800,00");
    }

    #[test]
    fn filters_read_the_desk_words() {
        assert_eq!(Filter::parse("da-valutare"), Some(Filter::ToScore));
        assert_eq!(Filter::parse(""), Some(Filter::All));
        assert_eq!(Filter::parse("altro"), None);
        for f in Filter::ALL {
            assert_eq!(Filter::parse(f.as_str()), Some(f));
        }
    }
}
