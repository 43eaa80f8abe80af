//! Money and project budgets for the calls for youth-led projects (seed 002, §6: "budget e
//! rendicontazione"). Amounts are exact integer cents: no floating point anywhere, so the
//! totals a treasurer checks by hand are the totals the form and the server compute.

use serde::{Deserialize, Serialize};
use strum::VariantArray;

use crate::validation::{FieldPath, ValidationErrors};

/// An amount in euro cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
#[derive(Hash)]
#[derive(Serialize, Deserialize)]
#[serde(transparent)]
pub struct Cents(pub i64);

/// The largest amount a budget handles (10 million euro): far above any call, far below overflow.
pub const MAX_CENTS: i64 = 1_000_000_000;

impl Cents {
    /// Reads an amount as people type it in Italy: `1.234,56`, `1234,5`, `1234.56`, `€ 80`.
    /// Thousands separators are dots or spaces; the decimal separator is a comma (or a dot
    /// followed by one or two digits at the end). Negative amounts are refused.
    pub fn parse(text: &str) -> Option<Self> {
        let cleaned: String = text
            .trim()
            .trim_start_matches('€')
            .trim_end_matches('€')
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .collect();
        if cleaned.is_empty() {
            return None;
        }
        let (grouped, decimals) = match cleaned.rsplit_once(',') {
            Some((units, decimals)) => (units.to_owned(), decimals.to_owned()),
            None => match cleaned.rsplit_once('.') {
                Some((units, decimals))
                    if (1..=2).contains(&decimals.len()) && !units.contains('.') =>
                {
                    (units.to_owned(), decimals.to_owned())
                }
                _ => (cleaned.clone(), String::new()),
            },
        };
        // Thousands separators must group by three: `12.345` yes, `12.34.5` no.
        let mut groups = grouped.split('.');
        let first = groups.next().unwrap_or_default();
        if !(1..=3).contains(&first.len()) && grouped.contains('.') {
            return None;
        }
        if !groups.clone().all(|g| g.len() == 3) {
            return None;
        }
        let units = grouped.replace('.', "");
        if units.is_empty()
            || !units.bytes().all(|b| b.is_ascii_digit())
            || decimals.len() > 2
            || !decimals.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let euros: i64 = units.parse().ok()?;
        let cents: i64 = match decimals.len() {
            0 => 0,
            1 => decimals.parse::<i64>().ok()? * 10,
            _ => decimals.parse().ok()?,
        };
        let total = euros.checked_mul(100)?.checked_add(cents)?;
        (total <= MAX_CENTS).then_some(Self(total))
    }

    pub fn checked_add(self, other: Self) -> Option<Self> {
        self.0
            .checked_add(other.0)
            .filter(|c| *c <= MAX_CENTS)
            .map(Self)
    }

    /// `amount × quantity`, if it stays within [`MAX_CENTS`].
    pub fn times(self, quantity: u32) -> Option<Self> {
        self.0
            .checked_mul(i64::from(quantity))
            .filter(|c| *c <= MAX_CENTS)
            .map(Self)
    }
}

impl std::fmt::Display for Cents {
    /// `1.234,56 €`, as Italian documents write it.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let euros = self.0 / 100;
        let cents = self.0 % 100;
        let digits = euros.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        write!(f, "{grouped},{cents:02} €")
    }
}

/// What a budget line pays for (the usual headings of the calls' budget forms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray)]
#[serde(rename_all = "snake_case")]
pub enum BudgetCategory {
    Staff,
    Materials,
    Services,
    Travel,
    Communication,
    Venues,
    Other,
}

impl BudgetCategory {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Staff => "Personale e collaboratori",
            Self::Materials => "Materiali e attrezzature",
            Self::Services => "Servizi",
            Self::Travel => "Viaggi e trasporti",
            Self::Communication => "Comunicazione e promozione",
            Self::Venues => "Spazi e affitti",
            Self::Other => "Altre spese",
        }
    }
}

/// One line: quantity × unit cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetLine {
    pub category: BudgetCategory,
    pub description: String,
    pub quantity: u32,
    pub unit_cost: Cents,
}

impl BudgetLine {
    pub fn total(&self) -> Option<Cents> {
        self.unit_cost.times(self.quantity)
    }
}

/// A project's budget: its lines and how much of the total is asked of the call.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub lines: Vec<BudgetLine>,
    /// Asked of the call; the rest of the total is the group's co-financing.
    pub requested: Cents,
}

/// What a call allows (from the call, shown live beside the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetRules {
    /// The most a project may ask.
    pub ceiling: Cents,
    /// The least share of the total the group must cover itself, in basis points (2000 = 20%).
    pub cofinancing_bp: u32,
}

/// The figures a treasurer checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetTotals {
    pub total: Cents,
    pub by_category: Vec<(BudgetCategory, Cents)>,
    pub requested: Cents,
    pub cofinancing: Cents,
    /// The least co-financing the call asks for this total, rounded up to the cent.
    pub cofinancing_required: Cents,
}

impl Budget {
    /// Totals by category and overall; `None` if an amount leaves the handled range.
    pub fn totals(&self, rules: &BudgetRules) -> Option<BudgetTotals> {
        let mut total = Cents(0);
        let mut by_category: Vec<(BudgetCategory, Cents)> = Vec::new();
        for line in &self.lines {
            let amount = line.total()?;
            total = total.checked_add(amount)?;
            match by_category.iter_mut().find(|(c, _)| *c == line.category) {
                Some((_, sum)) => *sum = sum.checked_add(amount)?,
                None => by_category.push((line.category, amount)),
            }
        }
        by_category.sort_by_key(|(c, _)| *c);
        let share = i128::from(total.0) * i128::from(rules.cofinancing_bp);
        let required = (share + 9_999) / 10_000;
        Some(BudgetTotals {
            total,
            by_category,
            requested: self.requested,
            cofinancing: Cents(total.0 - self.requested.0),
            cofinancing_required: Cents(i64::try_from(required).ok()?),
        })
    }

    /// The call's rules, with an Italian message for each one broken.
    pub fn validate(&self, rules: &BudgetRules) -> Result<BudgetTotals, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        for (i, line) in self.lines.iter().enumerate() {
            errors.text(
                FieldPath::from("lines").index(i).field("description"),
                &line.description,
                200,
            );
            if line.quantity == 0 {
                errors.push(
                    FieldPath::from("lines").index(i).field("quantity"),
                    "zero",
                    "La quantità deve essere almeno 1.",
                );
            }
            if line.unit_cost.0 <= 0 {
                errors.push(
                    FieldPath::from("lines").index(i).field("unit_cost"),
                    "not_positive",
                    "Il costo unitario deve essere maggiore di zero.",
                );
            }
        }
        let Some(totals) = self.totals(rules) else {
            errors.push(
                "lines",
                "too_large",
                "Gli importi superano il massimo gestito (10 milioni di euro).",
            );
            return Err(errors);
        };
        if self.lines.is_empty() {
            errors.push("lines", "required", "Inserisci almeno una voce di spesa.");
        }
        if self.requested.0 < 0 || self.requested > totals.total {
            errors.push(
                "requested",
                "over_total",
                format!(
                    "Il contributo richiesto non può superare il costo totale ({}).",
                    totals.total
                ),
            );
        }
        if self.requested > rules.ceiling {
            errors.push(
                "requested",
                "over_ceiling",
                format!(
                    "Il bando finanzia al massimo {} per progetto.",
                    rules.ceiling
                ),
            );
        }
        // Co-financing is the rest of the total; asking more than the total already says it all.
        if self.requested <= totals.total && totals.cofinancing < totals.cofinancing_required {
            errors.push(
                "requested",
                "cofinancing",
                format!(
                    "Il cofinanziamento deve essere almeno il {}% del totale: {} (ora è {}).",
                    f64::from(rules.cofinancing_bp) / 100.0,
                    totals.cofinancing_required,
                    totals.cofinancing
                ),
            );
        }
        errors.into_result(totals)
    }
}

#[cfg(test)]
mod tests;
