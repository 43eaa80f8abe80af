//! A youth-led project proposal to a call, in the structure the plan's training teaches (seed
//! 002, §6.3): the group and partners; needs and objectives; actions and work phases; budget;
//! results, indicators and reporting. The phone keeps a draft as typed ([`ProposalDraft`]); the
//! same checks run on the phone and in the worker ([`ProposalBody::validate`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{
    account::GroupKind,
    budget::{Budget, BudgetCategory, BudgetLine, BudgetTotals, Cents},
    call::{Call, CallPhase},
    opportunity::District,
    validation::{FieldPath, ValidationErrors},
};

pub mod draft;
pub mod status;

pub use draft::{ActionDraft, LineDraft, ProposalDraft};
pub use status::{
    ChangesRequest, Decision, ProposalReceipt, ProposalStatus, ProposalSubmission, ProposalSummary,
    ProposalView, ReviewInput, TimelineEvent,
};

/// The longest free text of a section (needs, objectives, results, …).
pub const LONG_TEXT: usize = 4000;
pub const MAX_PARTNERS: usize = 20;
pub const MAX_ACTIONS: usize = 30;
pub const MAX_LINES: usize = 60;
/// The largest submission the worker reads; anything bigger is refused before parsing.
pub const MAX_BODY_BYTES: usize = 96 * 1024;

/// The form's six steps, in order.
pub const STEPS: [&str; 6] = [
    "Il gruppo e i partner",
    "Bisogni e obiettivi",
    "Azioni e fasi di lavoro",
    "Budget",
    "Risultati e rendicontazione",
    "Controlla e invia",
];

/// Which step (1–6) shows the field an error is about.
pub fn step_of(field: &FieldPath) -> usize {
    match field.head().unwrap_or_default() {
        "group" | "partners" => 1,
        "title" | "needs" | "objectives" => 2,
        "actions" => 3,
        "budget" => 4,
        "results" | "indicators" | "reporting" => 5,
        _ => 6,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupSection {
    pub name: String,
    pub kind: GroupKind,
    pub district: District,
    pub contact_person: String,
    /// How many young people take part.
    pub members: u16,
    /// The youngest and the oldest member, checked against the call's age range.
    pub age_min: u8,
    pub age_max: u8,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub name: String,
    /// What the partner does in the project.
    pub role: String,
}

/// One action or work phase on the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Who carries it out.
    pub who: String,
}

/// A proposal as submitted: every amount in cents, every date a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalBody {
    pub group: GroupSection,
    #[serde(default)]
    pub partners: Vec<Partner>,
    pub title: String,
    pub needs: String,
    pub objectives: String,
    pub actions: Vec<Action>,
    pub budget: Budget,
    pub results: String,
    pub indicators: String,
    pub reporting: String,
}

impl ProposalBody {
    /// Everything the call asks, with an Italian message beside each field. `Ok` carries the
    /// budget's totals.
    pub fn validate(&self, call: &Call) -> Result<BudgetTotals, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let g = &self.group;
        errors.text("group.name", &g.name, 140);
        errors.text("group.contact_person", &g.contact_person, 140);
        if !call.eligible.admits(g.kind) {
            errors.push(
                "group.kind",
                "not_eligible",
                format!(
                    "Questo bando è aperto a: {}.",
                    call.eligible.label_it().to_lowercase()
                ),
            );
        }
        if let Some(district) = call.district {
            if g.district != district && district != District::Province {
                errors.push(
                    "group.district",
                    "not_eligible",
                    format!(
                        "Il bando è riservato al territorio di {}.",
                        district.label_it()
                    ),
                );
            }
        }
        if g.members == 0 {
            errors.push(
                "group.members",
                "zero",
                "Il gruppo ha almeno un componente.",
            );
        }
        if g.age_min > g.age_max {
            errors.push(
                "group.age_max",
                "age_order",
                "L'età del più grande non può essere minore di quella del più giovane.",
            );
        } else if g.age_min < call.age_min || g.age_max > call.age_max {
            errors.push(
                "group.age_max",
                "not_eligible",
                format!(
                    "Il bando è per giovani dai {} ai {} anni.",
                    call.age_min, call.age_max
                ),
            );
        }
        if self.partners.len() > MAX_PARTNERS {
            errors.push(
                "partners",
                "too_many",
                format!("Al massimo {MAX_PARTNERS} partner."),
            );
        }
        for (i, p) in self.partners.iter().enumerate() {
            errors.text(
                FieldPath::from("partners").index(i).field("name"),
                &p.name,
                140,
            );
            errors.text(
                FieldPath::from("partners").index(i).field("role"),
                &p.role,
                400,
            );
        }
        errors.text("title", &self.title, 140);
        errors.text("needs", &self.needs, LONG_TEXT);
        errors.text("objectives", &self.objectives, LONG_TEXT);
        if self.actions.is_empty() {
            errors.push("actions", "required", "Inserisci almeno un'azione.");
        }
        if self.actions.len() > MAX_ACTIONS {
            errors.push(
                "actions",
                "too_many",
                format!("Al massimo {MAX_ACTIONS} azioni."),
            );
        }
        for (i, a) in self.actions.iter().enumerate() {
            errors.text(
                FieldPath::from("actions").index(i).field("title"),
                &a.title,
                140,
            );
            errors.text(
                FieldPath::from("actions").index(i).field("who"),
                &a.who,
                200,
            );
            if a.end < a.start {
                errors.push(
                    FieldPath::from("actions").index(i).field("end"),
                    "before_start",
                    "La fine non può venire prima dell'inizio.",
                );
            }
            if a.start < call.opens_at.date_naive() {
                errors.push(
                    FieldPath::from("actions").index(i).field("start"),
                    "before_call",
                    "Le azioni non possono iniziare prima dell'apertura del bando.",
                );
            }
        }
        if self.budget.lines.len() > MAX_LINES {
            errors.push(
                "budget.lines",
                "too_many",
                format!("Al massimo {MAX_LINES} voci di spesa."),
            );
        }
        let totals = match self.budget.validate(&call.rules()) {
            Ok(totals) => Some(totals),
            Err(budget_errors) => {
                for e in budget_errors.0 {
                    errors.push(FieldPath::from("budget").join(&e.field), &e.code, e.message);
                }
                None
            }
        };
        errors.text("results", &self.results, LONG_TEXT);
        errors.text("indicators", &self.indicators, LONG_TEXT);
        errors.text("reporting", &self.reporting, LONG_TEXT);
        match totals {
            Some(totals) if errors.is_empty() => Ok(totals),
            _ => Err(errors),
        }
    }
}

/// Why a submission, withdrawal or change is refused because of the call's dates. `local`
/// writes a time as Italians read it (the worker and the app each have their own clock tools).
pub fn deadline_error(
    call: &Call,
    phase: CallPhase,
    local: impl Fn(chrono::DateTime<chrono::Utc>) -> String,
) -> Option<String> {
    match phase {
        CallPhase::Open => None,
        CallPhase::NotYetOpen => Some(format!(
            "Il bando «{}» non è ancora aperto: si possono inviare proposte dal {}.",
            call.title,
            local(call.opens_at)
        )),
        CallPhase::Closed => Some(format!(
            "Il bando «{}» è chiuso dal {}: non si possono più inviare, modificare o ritirare proposte.",
            call.title,
            local(call.closes_at)
        )),
    }
}

/// Budget lines from `(category, description, quantity, unit cost)` — for seeds and tests.
pub fn lines(items: &[(BudgetCategory, &str, u32, i64)]) -> Vec<BudgetLine> {
    items
        .iter()
        .map(|(category, description, quantity, cents)| BudgetLine {
            category: *category,
            description: (*description).to_owned(),
            quantity: *quantity,
            unit_cost: Cents(*cents),
        })
        .collect()
}

#[cfg(test)]
mod tests;
