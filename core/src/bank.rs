//! The Informagiovani CV bank, by explicit consent. A young person may send a candidate profile
//! (the "Per te" profile, their name and one way to reach them, and only if they tick it their
//! CV as JSON Resume) so that the network's operators can propose them for vacancies and invite
//! them to recruiting days. The consent's text and version travel with the profile and are kept
//! with the time it was given; the profile expires [`KEEP_DAYS`] days later unless renewed.
//!
//! Operators search the bank with the same explainable score as the phone ([`crate::matching`])
//! and never see the name or contact before the young person accepts a proposal. Every staff
//! read of a profile is a [`View`] the young person can see.
//!
//! The endpoints (paths in [`crate::api::paths`]):
//! - `POST   /api/v1/bank/profiles` [`BankSubmission`] → 201 [`BankReceipt`] (idempotent by id;
//!   422 `consent_required` without the current consent);
//! - `GET    /api/v1/bank/profiles/{id}?code=` → [`BankRecord`] (what the server holds);
//! - `PUT    /api/v1/bank/profiles/{id}` [`BankUpdate`] → [`BankReceipt`] (renews the 12 months);
//! - `POST   /api/v1/bank/profiles/{id}/delete` [`CodeOnly`] → 200 [`Deleted`];
//! - `POST   /api/v1/bank/profiles/{id}/proposals/{proposal_id}/answer` [`Answer`] →
//!   [`ProposalToYou`];
//! - operators: `GET /api/v1/bank/search?…` → [`SearchResults`] ([`SearchQuery`]);
//!   `POST /api/v1/bank/proposals` [`NewProposal`] → 201 [`OperatorProposal`];
//!   `GET /api/v1/bank/proposals` → `Vec<OperatorProposal>` (contacts only once accepted).

pub mod checks;
pub mod search;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{
    cv::JsonResume,
    lab::signup::check_name_and_contact,
    matching::{Education, Language, Profile, Sector},
    opportunity::District,
    validation::ValidationErrors,
};

/// Days a profile stays in the bank after it was sent or last renewed (12 months).
pub const KEEP_DAYS: i64 = 365;

/// The version of [`CONSENT_TEXT_IT`]. A change of the text is a new version; the server refuses
/// a consent to any version but the current one.
pub const CONSENT_VERSION: u32 = 1;

/// What the young person reads and agrees to, word for word; stored with the profile.
pub const CONSENT_TEXT_IT: &str = "Acconsento che l'Informagiovani conservi il mio profilo di \
candidatura nella banca dati CV della rete per il lavoro della provincia, per 12 mesi da oggi, \
perché gli operatori degli sportelli Informagiovani e Info-Lavoro possano propormi offerte di \
lavoro, tirocini e recruiting day. Gli operatori vedono il profilo senza nome e recapito; li \
vedono solo se accetto una proposta. Ogni lettura del profilo da parte del personale è \
registrata e posso vederla. Posso correggere o cancellare il profilo in ogni momento \
dall'app; dopo 12 mesi scade se non lo rinnovo.";

/// The prefix of the code that manages a profile from the phone (`CVB-7K3Q-9ABC`).
pub const CODE_PREFIX: &str = "CVB";

/// `CVB-XXXX-XXXX` from eight random bytes.
pub fn profile_code(random: [u8; 8]) -> String {
    crate::code::make(CODE_PREFIX, random)
}

/// The consent as the phone sends it: the version of the text shown, and that it was ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsentGiven {
    pub version: u32,
    pub accepted: bool,
}

/// `POST /api/v1/bank/profiles`: what the phone sends, and nothing else. `profile` is the
/// "Per te" profile; `cv` is present only if the young person ticked "Invia anche il CV".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankSubmission {
    /// Made on the phone: the outbox's idempotency key and the profile's id.
    pub id: uuid::Uuid,
    pub name: String,
    /// An e-mail address or a phone number.
    pub contact: String,
    pub profile: Profile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv: Option<JsonResume>,
    /// Missing or not accepted: 422 `consent_required`, nothing stored.
    #[serde(default)]
    pub consent: Option<ConsentGiven>,
}

impl BankSubmission {
    /// Checks the fields (Italian messages by path: `name`, `contact`, `profile.age`, …) and the
    /// consent (`consent`, code `consent_required`).
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        check_name_and_contact(&mut errors, &self.name, &self.contact);
        if let Err(profile) = self.profile.validate() {
            for e in profile.0 {
                errors.push(&format!("profile.{}", e.field), &e.code, e.message);
            }
        }
        if self.profile.is_empty() {
            errors.push(
                "profile",
                "required",
                "Il profilo è vuoto: indica almeno la zona, i settori o le competenze.",
            );
        }
        if !self.consent.is_some_and(|c| c.accepted) {
            errors.push(
                "consent",
                "consent_required",
                "Per inviare il profilo serve il tuo consenso: leggi il testo e spunta la casella.",
            );
        } else if self.consent.is_some_and(|c| c.version != CONSENT_VERSION) {
            errors.push(
                "consent",
                "consent_outdated",
                "Il testo del consenso è cambiato: aggiorna l'app e leggilo di nuovo.",
            );
        }
        errors.into_result(())
    }
}

/// `PUT /api/v1/bank/profiles/{id}`: the same fields with the profile's code. Renews the consent
/// and the 12 months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankUpdate {
    pub code: String,
    pub name: String,
    pub contact: String,
    pub profile: Profile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv: Option<JsonResume>,
    #[serde(default)]
    pub consent: Option<ConsentGiven>,
}

/// A body with the profile's code alone (deleting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeOnly {
    pub code: String,
}

/// What sending or updating answers; the phone keeps it to manage the profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BankReceipt {
    pub id: String,
    pub code: String,
    pub consent_version: u32,
    #[serde(with = "crate::time")]
    pub stored_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub expires_at: DateTime<Utc>,
}

/// The consent as the server keeps it: the very text agreed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentRecord {
    pub version: u32,
    pub text: String,
    #[serde(with = "crate::time")]
    pub given_at: DateTime<Utc>,
}

/// What a member of staff did with a profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ViewKind {
    /// The profile (without name and contact) was among the results of a search.
    Search,
    /// The profile was opened in full (without name and contact).
    Profile,
    /// The name and contact were read, after the young person accepted a proposal.
    Contacts,
}

impl ViewKind {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Search => "ha visto il profilo tra i risultati di una ricerca",
            Self::Profile => "ha aperto il profilo",
            Self::Contacts => "ha letto nome e recapito",
        }
    }
}

/// One staff read of a profile, as the young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    #[serde(with = "crate::time")]
    pub at: DateTime<Utc>,
    /// The operator's name.
    pub by: String,
    pub kind: ViewKind,
}

/// What an operator proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProposalKind {
    /// A published opportunity (a vacancy, an internship…): `item_id` is its id.
    Opportunity,
    /// An invitation to a recruiting day: `item_id` is the recruiting day's id.
    RecruitingDay,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProposalStatus {
    Pending,
    Accepted,
    Declined,
}

/// A proposal as it travels to the young person only (in [`BankRecord`], never in the feed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposalToYou {
    pub id: String,
    pub kind: ProposalKind,
    pub item_id: String,
    /// The opportunity's or recruiting day's title when it was proposed.
    pub title: String,
    /// The operator's words.
    pub message: String,
    /// The operator's name.
    pub from: String,
    #[serde(with = "crate::time")]
    pub sent_at: DateTime<Utc>,
    pub status: ProposalStatus,
    #[serde(
        default,
        with = "crate::time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub answered_at: Option<DateTime<Utc>>,
    /// For a recruiting day: the interview time the young person chose when accepting.
    #[serde(
        default,
        with = "crate::time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub slot: Option<DateTime<Utc>>,
    /// For a recruiting day: the interview times offered (`RecruitingDay::slots`, read by the
    /// server when it answers), so the phone needs no copy of the day to let them choose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub slots: Vec<DateTime<Utc>>,
}

/// `POST …/proposals/{proposal_id}/answer`. Idempotent: the same answer again returns the
/// proposal as it stands; a different answer after one was given is 409 `already_answered`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub code: String,
    pub accept: bool,
    /// For a recruiting day: one of its interview times (`RecruitingDay::slots`).
    #[serde(
        default,
        with = "crate::time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub slot: Option<DateTime<Utc>>,
}

/// `GET /api/v1/bank/profiles/{id}?code=`: everything the server holds about the profile.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BankRecord {
    pub id: String,
    pub name: String,
    pub contact: String,
    pub profile: Profile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cv: Option<JsonResume>,
    pub consent: ConsentRecord,
    #[serde(with = "crate::time")]
    pub stored_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub expires_at: DateTime<Utc>,
    /// Newest first.
    pub views: Vec<View>,
    /// Newest first.
    pub proposals: Vec<ProposalToYou>,
}

/// What deleting answers. Afterwards the profile is gone: `GET` answers 404.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deleted {
    pub deleted: bool,
}

/// The day a profile stored (or renewed) at `at` expires.
pub fn expires_at(at: DateTime<Utc>) -> DateTime<Utc> {
    at + Duration::days(KEEP_DAYS)
}

/// `GET /api/v1/bank/search`: every parameter optional. `for` names the published opportunity
/// or recruiting day the candidates are scored against (as the phone ranks items against a
/// profile); without it the filters alone decide and results come newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SearchQuery {
    #[serde(rename = "for", skip_serializing_if = "Option::is_none")]
    pub for_item: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub district: Option<District>,
    /// Free on this day (ISO date).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub available_on: Option<chrono::NaiveDate>,
    /// Knows this language at `level` or better.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<crate::cv::Cefr>,
    /// At least this education.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub education: Option<Education>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// Full-text search on the skills (FTS5 in D1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
}

/// A candidate as an operator sees it before any acceptance: no name, no contact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CandidateView {
    pub id: String,
    pub profile: Profile,
    pub has_cv: bool,
    /// The score against `for` (0 without it) and its reasons in Italian, as on the phone.
    pub points: u32,
    pub reasons: Vec<String>,
    /// A hard mismatch against `for` (district beyond reach, age, expired).
    pub excluded: bool,
    #[serde(with = "crate::time")]
    pub expires_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub candidates: Vec<CandidateView>,
}

/// `POST /api/v1/bank/proposals` (operators): idempotent by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewProposal {
    pub id: uuid::Uuid,
    pub profile_id: String,
    pub kind: ProposalKind,
    pub item_id: String,
    pub message: String,
}

impl NewProposal {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let message = self.message.trim().chars().count();
        if message == 0 {
            errors.push(
                "message",
                "required",
                "Scrivi due righe per il giovane: perché glielo proponi.",
            );
        } else if message > 1000 {
            errors.push("message", "length", "Al massimo 1000 caratteri.");
        }
        errors.into_result(())
    }
}

/// A proposal as the operator sees it: the contacts only once it was accepted (and reading them
/// is a [`ViewKind::Contacts`] view).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperatorProposal {
    pub id: String,
    pub profile_id: String,
    pub kind: ProposalKind,
    pub item_id: String,
    pub title: String,
    pub message: String,
    #[serde(with = "crate::time")]
    pub sent_at: DateTime<Utc>,
    pub status: ProposalStatus,
    #[serde(
        default,
        with = "crate::time::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub slot: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
}

#[cfg(test)]
mod tests;
