//! Calls for youth-led projects (seed 002, §6: "bandi" such as "Think Town"): who may apply, how
//! much a project may ask and must cover itself, the scoring grid, and when the call is open.
//! Editors publish calls like other content; phones sync them and draft proposals against them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::{
    account::GroupKind,
    budget::{BudgetRules, Cents, MAX_CENTS},
    content::{Content, PublishMeta},
    opportunity::District,
    sync::ContentKind,
    validation::{FieldPath, ValidationErrors},
};

/// Who may apply to a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum Eligible {
    /// Associations and informal groups of young people.
    Both,
    Associations,
    InformalGroups,
}

impl Eligible {
    pub fn admits(self, kind: GroupKind) -> bool {
        matches!(
            (self, kind),
            (Self::Both, _)
                | (Self::Associations, GroupKind::Association)
                | (Self::InformalGroups, GroupKind::InformalGroup)
        )
    }

    pub fn label_it(self) -> &'static str {
        match self {
            Self::Both => "Associazioni e gruppi informali di giovani",
            Self::Associations => "Solo associazioni",
            Self::InformalGroups => "Solo gruppi informali di giovani",
        }
    }
}

/// One line of the scoring grid; the weights of a call add up to 100.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub name: String,
    pub weight: u8,
}

/// Each criterion is scored from 0 to this by every reviewer.
pub const MAX_SCORE: u8 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallInput {
    pub title: String,
    pub summary: String,
    pub description_md: String,
    pub eligible: Eligible,
    pub age_min: u8,
    pub age_max: u8,
    /// `None`: the whole province.
    #[serde(default)]
    pub district: Option<District>,
    /// The most a project may ask of the call.
    pub ceiling: Cents,
    /// The least share of a project's total cost the group covers itself.
    pub cofinancing_percent: u8,
    pub criteria: Vec<Criterion>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// The attachments a proposal needs, described in words (one per line in the desk).
    #[serde(default)]
    pub attachments: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Call {
    pub id: String,
    pub version: u32,
    pub title: String,
    pub summary: String,
    pub description_html: String,
    pub eligible: Eligible,
    pub age_min: u8,
    pub age_max: u8,
    #[serde(default)]
    pub district: Option<District>,
    pub ceiling: Cents,
    pub cofinancing_percent: u8,
    pub criteria: Vec<Criterion>,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    #[serde(default)]
    pub attachments: Vec<String>,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

/// Where a call stands at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallPhase {
    NotYetOpen,
    Open,
    Closed,
}

impl Call {
    pub fn rules(&self) -> BudgetRules {
        BudgetRules {
            ceiling: self.ceiling,
            cofinancing_bp: u32::from(self.cofinancing_percent) * 100,
        }
    }

    /// Opening is inclusive, closing exclusive: at the closing minute the call is closed.
    pub fn phase(&self, now: DateTime<Utc>) -> CallPhase {
        if now < self.opens_at {
            CallPhase::NotYetOpen
        } else if now < self.closes_at {
            CallPhase::Open
        } else {
            CallPhase::Closed
        }
    }
}

impl Content for Call {
    const KIND: ContentKind = ContentKind::Call;
    type Input = CallInput;

    fn validate(input: &CallInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("title", &input.title, 140);
        errors.text("summary", &input.summary, 280);
        errors.text("description_md", &input.description_md, 20_000);
        if !(14..=35).contains(&input.age_min)
            || input.age_max > 35
            || input.age_min > input.age_max
        {
            errors.push(
                "age_max",
                "age_range",
                "L'età va da 14 a 35 anni e la minima non supera la massima.",
            );
        }
        if input.ceiling.0 <= 0 || input.ceiling.0 > MAX_CENTS {
            errors.push(
                "ceiling",
                "out_of_range",
                "Il contributo massimo deve essere maggiore di zero e al massimo 10 milioni di euro.",
            );
        }
        if input.cofinancing_percent > 90 {
            errors.push(
                "cofinancing_percent",
                "out_of_range",
                "Il cofinanziamento richiesto va da 0 a 90%.",
            );
        }
        if input.criteria.is_empty() {
            errors.push(
                "criteria",
                "required",
                "Inserisci almeno un criterio di valutazione.",
            );
        }
        for (i, c) in input.criteria.iter().enumerate() {
            errors.text(
                FieldPath::from("criteria").index(i).field("name"),
                &c.name,
                120,
            );
            if c.weight == 0 {
                errors.push(
                    FieldPath::from("criteria").index(i).field("weight"),
                    "zero",
                    "Ogni criterio pesa almeno 1 punto.",
                );
            }
        }
        let sum: u32 = input.criteria.iter().map(|c| u32::from(c.weight)).sum();
        if !input.criteria.is_empty() && sum != 100 {
            errors.push(
                "criteria",
                "weights",
                format!("I pesi dei criteri devono sommare 100 (ora sommano {sum})."),
            );
        }
        if input.closes_at <= input.opens_at {
            errors.push(
                "closes_at",
                "before_opening",
                "La chiusura deve venire dopo l'apertura.",
            );
        }
        for (i, a) in input.attachments.iter().enumerate() {
            errors.text(FieldPath::from("attachments").index(i), a, 200);
        }
        errors.into_result(())
    }

    fn publish(id: String, input: CallInput, meta: PublishMeta<'_>) -> Self {
        Call {
            id,
            version: meta.version,
            title: input.title.trim().to_owned(),
            summary: input.summary.trim().to_owned(),
            description_html: (meta.render)(&input.description_md),
            eligible: input.eligible,
            age_min: input.age_min,
            age_max: input.age_max,
            district: input.district,
            ceiling: input.ceiling,
            cofinancing_percent: input.cofinancing_percent,
            criteria: input
                .criteria
                .into_iter()
                .map(|c| Criterion {
                    name: c.name.trim().to_owned(),
                    weight: c.weight,
                })
                .collect(),
            opens_at: input.opens_at,
            closes_at: input.closes_at,
            attachments: input.attachments,
            updated_at: meta.updated_at,
            published_by: meta.published_by.to_owned(),
        }
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &str {
        &self.title
    }
}

/// A reviewer's scores, one per criterion in the call's order, each 0..=[`MAX_SCORE`].
/// The weighted total is out of 100: Σ weight × score / MAX_SCORE, in hundredths of a point so
/// that no float is involved.
pub fn weighted_score(criteria: &[Criterion], scores: &[u8]) -> Option<u32> {
    if scores.len() != criteria.len() || scores.iter().any(|s| *s > MAX_SCORE) {
        return None;
    }
    let sum: u32 = criteria
        .iter()
        .zip(scores)
        .map(|(c, s)| u32::from(c.weight) * u32::from(*s) * 100)
        .sum();
    Some(sum / u32::from(MAX_SCORE))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> CallInput {
        CallInput {
            title: "Think Town 2027".into(),
            summary: "Idee dei giovani per la città.".into(),
            description_md: "Il bando finanzia progetti.".into(),
            eligible: Eligible::Both,
            age_min: 16,
            age_max: 30,
            district: None,
            ceiling: Cents(500_000),
            cofinancing_percent: 20,
            criteria: vec![
                Criterion {
                    name: "Coerenza tra bisogni e obiettivi".into(),
                    weight: 60,
                },
                Criterion {
                    name: "Sostenibilità del budget".into(),
                    weight: 40,
                },
            ],
            opens_at: "2027-01-10T08:00:00Z".parse().unwrap(),
            closes_at: "2027-03-31T10:00:00Z".parse().unwrap(),
            attachments: vec!["Statuto dell'associazione".into()],
        }
    }

    #[test]
    fn a_sound_call_validates_and_weights_must_sum_to_100() {
        assert!(Call::validate(&input()).is_ok());
        let mut bad = input();
        bad.criteria[1].weight = 30;
        let errors = Call::validate(&bad).unwrap_err();
        assert_eq!(errors.for_field("criteria").unwrap().code, "weights");
        assert!(errors.0[0].message.contains("90"));
    }

    #[test]
    fn closing_before_opening_and_bad_ages_are_reported() {
        let mut bad = input();
        bad.closes_at = bad.opens_at;
        bad.age_min = 31;
        let errors = Call::validate(&bad).unwrap_err();
        assert!(errors.for_field("closes_at").is_some());
        assert!(errors.for_field("age_max").is_some());
    }

    #[test]
    fn the_call_closes_at_its_closing_minute() {
        let call = Call::publish(
            "tt".into(),
            input(),
            PublishMeta {
                version: 1,
                updated_at: crate::time::parse("2027-01-01T00:00:00Z").unwrap(),
                published_by: "Informagiovani",
                render: |s| s.to_owned(),
            },
        );
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        assert_eq!(
            call.phase(at("2027-01-10T07:59:59Z")),
            CallPhase::NotYetOpen
        );
        assert_eq!(call.phase(at("2027-03-31T09:59:59Z")), CallPhase::Open);
        assert_eq!(call.phase(at("2027-03-31T10:00:00Z")), CallPhase::Closed);
        assert_eq!(call.rules().cofinancing_bp, 2000);
    }

    #[test]
    fn weighted_scores_are_out_of_100_in_hundredths() {
        let criteria = input().criteria;
        assert_eq!(weighted_score(&criteria, &[10, 10]), Some(10_000));
        assert_eq!(weighted_score(&criteria, &[7, 5]), Some(6_200));
        assert_eq!(weighted_score(&criteria, &[7]), None);
        assert_eq!(weighted_score(&criteria, &[11, 0]), None);
    }
}
