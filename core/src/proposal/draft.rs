//! The proposal as typed on the phone: numbers, amounts and dates stay text until they are read,
//! so nothing a person types is ever thrown away. Kept in IndexedDB for as long as it takes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{Action, GroupSection, Partner, ProposalBody};
use crate::{
    account::GroupKind,
    budget::{Budget, BudgetCategory, BudgetLine, BudgetTotals, Cents},
    call::Call,
    opportunity::District,
    validation::{FieldPath, ValidationErrors},
};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDraft {
    pub title: String,
    /// `AAAA-MM-GG`, as the date input gives it.
    pub start: String,
    pub end: String,
    pub who: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDraft {
    pub category: BudgetCategory,
    pub description: String,
    pub quantity: String,
    /// As typed: `1.234,56`.
    pub unit_cost: String,
}

impl Default for LineDraft {
    fn default() -> Self {
        LineDraft {
            category: BudgetCategory::Materials,
            description: String::new(),
            quantity: "1".into(),
            unit_cost: String::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalDraft {
    /// Made on the phone; the proposal keeps it on the server too.
    pub id: Uuid,
    pub call_id: String,
    /// The last revision handed to the outbox (0: never submitted).
    #[serde(default)]
    pub revision: u32,
    pub updated_at: String,
    pub group_name: String,
    pub group_kind: Option<GroupKind>,
    pub district: Option<District>,
    pub contact_person: String,
    pub members: String,
    pub age_min: String,
    pub age_max: String,
    #[serde(default)]
    pub partners: Vec<Partner>,
    pub title: String,
    pub needs: String,
    pub objectives: String,
    #[serde(default)]
    pub actions: Vec<ActionDraft>,
    #[serde(default)]
    pub lines: Vec<LineDraft>,
    pub requested: String,
    pub results: String,
    pub indicators: String,
    pub reporting: String,
}

impl ProposalDraft {
    pub fn new(id: Uuid, call_id: &str, updated_at: &str) -> Self {
        ProposalDraft {
            id,
            call_id: call_id.to_owned(),
            revision: 0,
            updated_at: updated_at.to_owned(),
            group_name: String::new(),
            group_kind: None,
            district: None,
            contact_person: String::new(),
            members: String::new(),
            age_min: String::new(),
            age_max: String::new(),
            partners: Vec::new(),
            title: String::new(),
            needs: String::new(),
            objectives: String::new(),
            actions: vec![ActionDraft::default()],
            lines: vec![LineDraft::default()],
            requested: String::new(),
            results: String::new(),
            indicators: String::new(),
            reporting: String::new(),
        }
    }

    /// The draft filled from a proposal already on the server (to edit and resubmit it).
    pub fn from_body(id: Uuid, call_id: &str, revision: u32, body: &ProposalBody) -> Self {
        let g = &body.group;
        ProposalDraft {
            id,
            call_id: call_id.to_owned(),
            revision,
            updated_at: String::new(),
            group_name: g.name.clone(),
            group_kind: Some(g.kind),
            district: Some(g.district),
            contact_person: g.contact_person.clone(),
            members: g.members.to_string(),
            age_min: g.age_min.to_string(),
            age_max: g.age_max.to_string(),
            partners: body.partners.clone(),
            title: body.title.clone(),
            needs: body.needs.clone(),
            objectives: body.objectives.clone(),
            actions: body
                .actions
                .iter()
                .map(|a| ActionDraft {
                    title: a.title.clone(),
                    start: a.start.to_string(),
                    end: a.end.to_string(),
                    who: a.who.clone(),
                })
                .collect(),
            lines: body
                .budget
                .lines
                .iter()
                .map(|l| LineDraft {
                    category: l.category,
                    description: l.description.clone(),
                    quantity: l.quantity.to_string(),
                    unit_cost: l.unit_cost.to_string().trim_end_matches(" €").to_owned(),
                })
                .collect(),
            requested: body
                .budget
                .requested
                .to_string()
                .trim_end_matches(" €")
                .to_owned(),
            results: body.results.clone(),
            indicators: body.indicators.clone(),
            reporting: body.reporting.clone(),
        }
    }

    /// The budget as far as it can be read now: what the live totals beside the form show.
    pub fn budget(&self) -> Budget {
        Budget {
            lines: self
                .lines
                .iter()
                .map(|l| BudgetLine {
                    category: l.category,
                    description: l.description.clone(),
                    quantity: l.quantity.trim().parse().unwrap_or(0),
                    unit_cost: Cents::parse(&l.unit_cost).unwrap_or_default(),
                })
                .collect(),
            requested: Cents::parse(&self.requested).unwrap_or_default(),
        }
    }

    /// Live totals against the call's rules; `None` when an amount is out of range.
    pub fn totals(&self, call: &Call) -> Option<BudgetTotals> {
        self.budget().totals(&call.rules())
    }

    /// Reads the draft and checks it against the call, exactly as the worker will. Errors say
    /// which field; a field that cannot be read reports that rather than a later rule.
    pub fn check(&self, call: &Call) -> Result<ProposalBody, ValidationErrors> {
        let mut unread = ValidationErrors::default();
        let mut number = |field: FieldPath, text: &str, what: &str| -> u32 {
            text.trim().parse::<u32>().unwrap_or_else(|_| {
                let message = if text.trim().is_empty() {
                    "Campo obbligatorio.".to_owned()
                } else {
                    format!("Scrivi {what} con sole cifre, per esempio 12.")
                };
                unread.push(field, "not_a_number", message);
                0
            })
        };
        let members = number(FieldPath::from("group.members"), &self.members, "il numero");
        let age_min = number(FieldPath::from("group.age_min"), &self.age_min, "l'età");
        let age_max = number(FieldPath::from("group.age_max"), &self.age_max, "l'età");
        let quantities: Vec<u32> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                number(
                    FieldPath::from("budget")
                        .field("lines")
                        .index(i)
                        .field("quantity"),
                    &l.quantity,
                    "la quantità",
                )
            })
            .collect();
        let mut amount = |field: FieldPath, text: &str| -> Cents {
            Cents::parse(text).unwrap_or_else(|| {
                let message = if text.trim().is_empty() {
                    "Campo obbligatorio.".to_owned()
                } else {
                    "Importo non valido: scrivi per esempio 1.250,50.".to_owned()
                };
                unread.push(field, "not_an_amount", message);
                Cents(0)
            })
        };
        let costs: Vec<Cents> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                amount(
                    FieldPath::from("budget")
                        .field("lines")
                        .index(i)
                        .field("unit_cost"),
                    &l.unit_cost,
                )
            })
            .collect();
        let requested = amount(FieldPath::from("budget.requested"), &self.requested);
        let mut date = |field: FieldPath, text: &str| -> NaiveDate {
            text.trim().parse().unwrap_or_else(|_| {
                unread.push(field, "invalid_date", "Indica una data.");
                NaiveDate::MIN
            })
        };
        let actions: Vec<Action> = self
            .actions
            .iter()
            .enumerate()
            .map(|(i, a)| Action {
                title: a.title.clone(),
                start: date(FieldPath::from("actions").index(i).field("start"), &a.start),
                end: date(FieldPath::from("actions").index(i).field("end"), &a.end),
                who: a.who.clone(),
            })
            .collect();
        if self.group_kind.is_none() {
            unread.push(
                "group.kind",
                "required",
                "Scegli se siete un'associazione o un gruppo informale.",
            );
        }
        if self.district.is_none() {
            unread.push("group.district", "required", "Scegli il territorio.");
        }
        let body = ProposalBody {
            group: GroupSection {
                name: self.group_name.clone(),
                kind: self.group_kind.unwrap_or(GroupKind::InformalGroup),
                district: self.district.unwrap_or(District::Province),
                contact_person: self.contact_person.clone(),
                members: u16::try_from(members).unwrap_or(u16::MAX),
                age_min: u8::try_from(age_min).unwrap_or(u8::MAX),
                age_max: u8::try_from(age_max).unwrap_or(u8::MAX),
            },
            partners: self.partners.clone(),
            title: self.title.clone(),
            needs: self.needs.clone(),
            objectives: self.objectives.clone(),
            actions,
            budget: Budget {
                lines: self
                    .lines
                    .iter()
                    .zip(quantities.into_iter().zip(costs))
                    .map(|(l, (quantity, unit_cost))| BudgetLine {
                        category: l.category,
                        description: l.description.clone(),
                        quantity,
                        unit_cost,
                    })
                    .collect(),
                requested,
            },
            results: self.results.clone(),
            indicators: self.indicators.clone(),
            reporting: self.reporting.clone(),
        };
        let checked = body.validate(call).err().unwrap_or_default();
        let mut errors = unread.clone();
        for e in checked.0 {
            if errors.for_field(&e.field).is_none() {
                errors.0.push(e);
            }
        }
        errors.into_result(body)
    }
}
