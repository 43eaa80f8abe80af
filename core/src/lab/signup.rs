//! Signing up for a lab from the phone: the fewest details the organiser needs (a name, one
//! way to reach the person, an age band), sent through the outbox with an id made on the phone,
//! and the receipt the worker answers: a place or a numbered place on the waiting list, and a
//! code to cancel or to show at the door.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, VariantArray};

use crate::validation::ValidationErrors;

/// An age band instead of a date of birth: enough to check the lab's target, no more.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, AsRefStr, EnumString)]
pub enum AgeBand {
    #[serde(rename = "14-17")]
    #[strum(serialize = "14-17")]
    From14To17,
    #[serde(rename = "18-24")]
    #[strum(serialize = "18-24")]
    From18To24,
    #[serde(rename = "25-29")]
    #[strum(serialize = "25-29")]
    From25To29,
    #[serde(rename = "30-35")]
    #[strum(serialize = "30-35")]
    From30To35,
}

impl AgeBand {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::From14To17 => "14–17 anni",
            Self::From18To24 => "18–24 anni",
            Self::From25To29 => "25–29 anni",
            Self::From30To35 => "30–35 anni",
        }
    }

    /// The band's first and last age.
    pub fn ages(self) -> (u8, u8) {
        match self {
            Self::From14To17 => (14, 17),
            Self::From18To24 => (18, 24),
            Self::From25To29 => (25, 29),
            Self::From30To35 => (30, 35),
        }
    }
}

/// How many days after a lab's last session the worker deletes its sign-ups' personal details.
pub const KEEP_DAYS: i64 = 30;

/// `POST /api/v1/labs/{id}/signups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignupInput {
    /// Made on the phone: the idempotency key of the outbox.
    pub id: uuid::Uuid,
    pub name: String,
    /// An e-mail address or a phone number, to tell of a change of room or a cancellation.
    pub contact: String,
    pub age_band: AgeBand,
}

/// Whether `text` reads as an e-mail address (something@domain.tld, no spaces).
fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !text.chars().any(char::is_whitespace)
}

/// Whether `text` reads as a phone number: 6 to 15 digits, an optional leading `+`, spaces,
/// dots and dashes between.
fn is_phone(text: &str) -> bool {
    let rest = text.strip_prefix('+').unwrap_or(text);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    (6..=15).contains(&digits)
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-'))
}

impl SignupInput {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_name_and_contact(&mut errors, &self.name, &self.contact);
        errors.into_result(())
    }
}

/// The checks of a person's name and their one way to be reached (an e-mail or a phone number),
/// shared by every form that asks for them (lab sign-ups, the CV bank).
pub fn check_name_and_contact(errors: &mut ValidationErrors, name: &str, contact: &str) {
    let name = name.trim().chars().count();
    if name == 0 {
        errors.push("name", "required", "Scrivi il tuo nome e cognome.");
    } else if !(2..=80).contains(&name) {
        errors.push("name", "length", "Il nome va da 2 a 80 caratteri.");
    }
    let contact = contact.trim();
    if contact.is_empty() {
        errors.push(
            "contact",
            "required",
            "Scrivi un'e-mail o un numero di telefono.",
        );
    } else if contact.chars().count() > 120 || !(is_email(contact) || is_phone(contact)) {
        errors.push(
            "contact",
            "not_a_contact",
            "Scrivi un'e-mail (nome@esempio.it) o un numero di telefono (da 6 a 15 cifre).",
        );
    }
}

/// Where a sign-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SignupStatus {
    /// Holds a place.
    Confirmed,
    /// On the waiting list, at `position`.
    Waiting,
    /// Cancelled by its person.
    Cancelled,
}

/// What the phone keeps and shows after a sign-up, and what a cancellation answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupReceipt {
    pub lab_id: String,
    /// `LAB-XXXX-XXXX`: to cancel, or to show at the door.
    pub code: String,
    pub status: SignupStatus,
    /// The place on the waiting list (1 is next), while waiting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<u32>,
    #[serde(with = "crate::time")]
    pub signed_up_at: DateTime<Utc>,
    /// The organiser cancelled the whole lab: the place, if any, is gone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub lab_cancelled: bool,
    /// Kept by the phone, never sent by the server: a later look-up found the sign-up confirmed
    /// that the phone had kept on the waiting list (a place freed up and it moved up).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub promoted: bool,
}

impl SignupReceipt {
    /// The receipt to keep after a look-up answered `now`: a move from the waiting list to a
    /// place is remembered while the place lasts, so the phone goes on saying "Posto confermato".
    pub fn looked_up(&self, now: SignupReceipt) -> SignupReceipt {
        let promoted = now.status == SignupStatus::Confirmed
            && (self.promoted || self.status == SignupStatus::Waiting);
        SignupReceipt { promoted, ..now }
    }

    /// Worth asking the server again: a place may come (waiting) or the lab may be cancelled.
    pub fn may_change(&self) -> bool {
        !self.lab_cancelled && self.status != SignupStatus::Cancelled
    }
}

/// `LAB-` and eight symbols of the codes' alphabet (no 0/O, 1/I/L).
pub fn signup_code(random: [u8; 8]) -> String {
    crate::code::make("LAB", random)
}

/// Normalises what someone typed as a sign-up code (`lab 7k3q 9abc` → `LAB-7K3Q-9ABC`).
pub fn normalise_code(typed: &str) -> Option<String> {
    crate::code::normalise("LAB", typed)
}

/// `POST /api/v1/labs/{id}/signups/cancel`: the code is the only key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CancelInput {
    pub code: String,
}
