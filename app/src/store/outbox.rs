//! The outbox on the device (DESIGN.md "Push"): each entry is one typed submission and where it
//! stands, one of a closed set of states. The same `id` goes with every attempt, so the server
//! stores it once.

use sito_core::{
    api::{paths, ProblemCode},
    appointment::{BookingInput, BookingReceipt},
    bank::{BankReceipt, BankSubmission},
    proposal::{ProposalReceipt, ProposalSubmission},
    question::{QuestionInput, QuestionReceipt},
    FieldError, Problem,
};

use super::*;

mod bank;
pub use bank::BankJson;

// The enums below are kept externally tagged (`{"queued": {…}}`): reading an internally or
// adjacently tagged enum buffers it first, code that the portal's first load would carry.

/// What the person sends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Submission {
    /// A question to the expert: anyone may send it.
    Question(QuestionInput),
    /// One revision of a group's proposal.
    Proposal(ProposalJson),
    /// A sign-up for a lab: the lab and the sign-up's JSON text, sent as it is, so the portal
    /// carries no code that reads one.
    LabSignup { lab_id: String, body: String },
    /// A booking of a desk appointment: anyone may send it.
    Appointment(AppointmentJson),
    /// A candidate profile for the Informagiovani CV bank, sent with consent: its JSON text.
    BankProfile(BankJson),
    /// An answer to a proposal the CV bank's operators made: the profile, the proposal and the
    /// answer's JSON text.
    BankAnswer {
        profile_id: String,
        proposal_id: String,
        body: String,
    },
}

/// A [`BookingInput`] as the outbox keeps and sends it: its JSON text, like a proposal, so the
/// everyday pages' wasm sends what the appointments page queued without the code that reads one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AppointmentJson(String);

impl AppointmentJson {
    pub fn new(booking: &BookingInput) -> Result<Self, serde_json::Error> {
        serde_json::to_string(booking).map(AppointmentJson)
    }

    pub fn read(&self) -> Result<BookingInput, serde_json::Error> {
        serde_json::from_str(&self.0)
    }

    /// The JSON text, as the API takes it (and, for a receipt, as the API gave it).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A receipt's JSON text as the server sent it.
    pub fn receipt(text: String) -> Self {
        AppointmentJson(text)
    }

    /// A receipt kept again after it changed (a cancellation).
    pub fn from_receipt(receipt: &BookingReceipt) -> Result<Self, serde_json::Error> {
        serde_json::to_string(receipt).map(AppointmentJson)
    }

    pub fn read_receipt(&self) -> Result<BookingReceipt, serde_json::Error> {
        serde_json::from_str(&self.0)
    }
}

/// A [`ProposalSubmission`] as the outbox keeps and sends it: its JSON text. The portal sends
/// what the proposal tool queued without ever reading a proposal's body, so its first load
/// carries none of the code that reads and writes one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProposalJson(String);

impl ProposalJson {
    pub fn new(submission: &ProposalSubmission) -> Result<Self, serde_json::Error> {
        serde_json::to_string(submission).map(ProposalJson)
    }

    /// The proposal, read back.
    pub fn read(&self) -> Result<ProposalSubmission, serde_json::Error> {
        serde_json::from_str(&self.0)
    }

    /// The JSON text, as the API takes it.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What the server answered once it had a submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Receipt {
    Question(QuestionReceipt),
    Proposal(ProposalReceipt),
    /// A booking's receipt, as the JSON text the server answered.
    Appointment(AppointmentJson),
    /// A lab sign-up's receipt as the server wrote it (JSON text; the labs page reads it).
    LabSignup(String),
    /// The CV bank's receipt, as the JSON text the server answered.
    BankProfile(BankJson),
    /// The proposal as it stands after the answer, as the server's JSON text.
    BankAnswer(String),
}

impl Receipt {
    /// A lab sign-up's receipt kept again after a look-up changed it (a place freed up).
    pub fn lab_signup(
        receipt: &sito_core::lab::signup::SignupReceipt,
    ) -> Result<Self, serde_json::Error> {
        serde_json::to_string(receipt).map(Receipt::LabSignup)
    }
}

/// Where a submission stands on the device.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent ("in coda"); `attempts` that found no server so far.
    Queued { attempts: u32 },
    /// The server wants a signed-in account (401), or another account is signed in on the
    /// device: it waits, and leaves once its account signs in.
    WaitingForSignIn { attempts: u32 },
    /// The server has it ("inviata").
    Sent { receipt: Receipt },
    /// The server refused it for a reason that retrying cannot fix.
    Refused { problem: Problem },
}

/// One submission in the persistent outbox.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The idempotency key, the same on every attempt (a question's id; a proposal's id and
    /// revision).
    pub id: String,
    pub submission: Submission,
    pub state: OutboxState,
    pub created_at: String,
    /// The account it must be sent as (a group's proposal): while another account is signed in
    /// on this device, it waits. None for what anyone may send (a question to the expert).
    #[serde(default)]
    pub owner: Option<String>,
}

impl OutboxEntry {
    /// A new entry, waiting to be sent.
    pub fn queued(id: String, submission: Submission, created_at: String) -> Self {
        OutboxEntry {
            id,
            submission,
            state: OutboxState::Queued { attempts: 0 },
            created_at,
            owner: None,
        }
    }

    /// Still to be sent (queued, or waiting for a sign-in).
    pub fn is_pending(&self) -> bool {
        matches!(
            self.state,
            OutboxState::Queued { .. } | OutboxState::WaitingForSignIn { .. }
        )
    }

    pub fn waits_for_sign_in(&self) -> bool {
        matches!(self.state, OutboxState::WaitingForSignIn { .. })
    }

    pub fn is_sent(&self) -> bool {
        matches!(self.state, OutboxState::Sent { .. })
    }

    pub fn is_refused(&self) -> bool {
        matches!(self.state, OutboxState::Refused { .. })
    }

    /// The attempts that found no server so far.
    pub fn attempts(&self) -> u32 {
        match self.state {
            OutboxState::Queued { attempts } | OutboxState::WaitingForSignIn { attempts } => {
                attempts
            }
            _ => 0,
        }
    }

    /// The question asked, if the entry is one.
    pub fn question(&self) -> Option<&QuestionInput> {
        match &self.submission {
            Submission::Question(q) => Some(q),
            _ => None,
        }
    }

    /// The booking sent, if the entry is one.
    pub fn appointment(&self) -> Option<BookingInput> {
        match &self.submission {
            Submission::Appointment(a) => a.read().ok(),
            _ => None,
        }
    }

    /// The profile sent to the CV bank, if the entry is one.
    pub fn bank_submission(&self) -> Option<BankSubmission> {
        match &self.submission {
            Submission::BankProfile(b) => b.read().ok(),
            _ => None,
        }
    }

    /// The receipt of a profile the CV bank holds.
    pub fn bank_receipt(&self) -> Option<BankReceipt> {
        match &self.state {
            OutboxState::Sent {
                receipt: Receipt::BankProfile(r),
            } => r.read_receipt().ok(),
            _ => None,
        }
    }

    /// The profile and the proposal an answer is for, if the entry is one.
    pub fn bank_answer(&self) -> Option<(&str, &str)> {
        match &self.submission {
            Submission::BankAnswer {
                profile_id,
                proposal_id,
                ..
            } => Some((profile_id, proposal_id)),
            _ => None,
        }
    }

    /// The lab and the sign-up's JSON text, if the entry is a sign-up for a lab.
    pub fn lab_signup(&self) -> Option<(&str, &str)> {
        match &self.submission {
            Submission::LabSignup { lab_id, body } => Some((lab_id, body)),
            _ => None,
        }
    }

    /// The receipt of a sent booking.
    pub fn appointment_receipt(&self) -> Option<BookingReceipt> {
        match &self.state {
            OutboxState::Sent {
                receipt: Receipt::Appointment(r),
            } => r.read_receipt().ok(),
            _ => None,
        }
    }

    /// The receipt of a sent lab sign-up, as JSON text.
    pub fn lab_signup_receipt(&self) -> Option<&str> {
        match &self.state {
            OutboxState::Sent {
                receipt: Receipt::LabSignup(text),
            } => Some(text),
            _ => None,
        }
    }

    /// The receipt of a sent proposal.
    pub fn proposal_receipt(&self) -> Option<&ProposalReceipt> {
        match &self.state {
            OutboxState::Sent {
                receipt: Receipt::Proposal(r),
            } => Some(r),
            _ => None,
        }
    }

    /// The receipt of a sent question.
    pub fn question_receipt(&self) -> Option<&QuestionReceipt> {
        match &self.state {
            OutboxState::Sent {
                receipt: Receipt::Question(r),
            } => Some(r),
            _ => None,
        }
    }

    /// Why the server refused it, in Italian: its detail (or title) and each field's message.
    pub fn refusal_text(&self) -> Option<String> {
        let OutboxState::Refused { problem } = &self.state else {
            return None;
        };
        let mut text = problem.detail.clone().unwrap_or(problem.title.clone());
        for error in &problem.errors {
            text.push(' ');
            text.push_str(&error.message);
        }
        Some(text)
    }

    /// The refusal's field errors, shown beside the fields they name.
    pub fn field_errors(&self) -> &[FieldError] {
        match &self.state {
            OutboxState::Refused { problem } => &problem.errors,
            _ => &[],
        }
    }
}

/// An outbox entry as versions 3 to 5 kept it: an endpoint and a JSON body, a state and
/// optional fields beside it.
#[derive(Debug, Deserialize)]
pub(super) struct StoredBefore6 {
    id: String,
    endpoint: String,
    body: serde_json::Value,
    state: StateBefore6,
    #[serde(default)]
    attempts: u32,
    created_at: String,
    #[serde(default)]
    receipt: Option<serde_json::Value>,
    /// The refusal as shown: the problem's detail (or title), then each field error's message.
    #[serde(default)]
    problem: Option<String>,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    errors: Vec<FieldError>,
    #[serde(default)]
    needs_sign_in: bool,
    #[serde(default)]
    owner: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum StateBefore6 {
    Queued,
    Sent,
    Refused,
}

impl StoredBefore6 {
    pub(super) fn id(&self) -> &str {
        &self.id
    }

    /// The entry in today's form, or why it cannot be read as one.
    pub(super) fn into_entry(self) -> Result<OutboxEntry, String> {
        /// Through bytes, as the API's answers are read: no second reader of each type.
        fn read<T: for<'de> Deserialize<'de>>(value: serde_json::Value) -> Result<T, String> {
            let bytes = serde_json::to_vec(&value).map_err(|e| e.to_string())?;
            serde_json::from_slice(&bytes).map_err(|e| e.to_string())
        }
        let question = self.endpoint == paths::questions();
        let submission = if question {
            Submission::Question(read(self.body)?)
        } else if self.endpoint == paths::proposals() {
            // Made from a `ProposalSubmission` by the version that queued it.
            Submission::Proposal(ProposalJson(self.body.to_string()))
        } else {
            return Err(format!("indirizzo sconosciuto: {}", self.endpoint));
        };
        let state = match self.state {
            StateBefore6::Queued if self.needs_sign_in => OutboxState::WaitingForSignIn {
                attempts: self.attempts,
            },
            StateBefore6::Queued => OutboxState::Queued {
                attempts: self.attempts,
            },
            StateBefore6::Sent => {
                let receipt = self.receipt.ok_or("inviata senza ricevuta")?;
                OutboxState::Sent {
                    receipt: if question {
                        Receipt::Question(read(receipt)?)
                    } else {
                        Receipt::Proposal(read(receipt)?)
                    },
                }
            }
            StateBefore6::Refused => {
                // The text kept ends with the field errors' messages: the problem's own
                // sentence is what comes before them.
                let shown = self.problem.unwrap_or_default();
                let messages: String = self
                    .errors
                    .iter()
                    .map(|e| format!(" {}", e.message))
                    .collect();
                let title = shown.strip_suffix(&messages).unwrap_or(&shown).to_owned();
                let code = self
                    .code
                    .and_then(|c| c.parse().ok())
                    .unwrap_or(ProblemCode::Other);
                // Versions before 6 did not keep the answer's status.
                OutboxState::Refused {
                    problem: Problem::new(0, code, &title).with_errors(self.errors),
                }
            }
        };
        Ok(OutboxEntry {
            id: self.id,
            submission,
            state,
            created_at: self.created_at,
            owner: self.owner,
        })
    }
}

/// Entries are kept as their JSON text, keyed by id, as synced items are: the same reader as
/// the API's answers, and no second one for the store.
pub(super) fn entry_text(entry: &OutboxEntry) -> Result<String, StoreError> {
    serde_json::to_string(entry).map_err(|e| StoreError::Corrupt(e.to_string()))
}

pub(super) fn read_entry(text: &str) -> Result<OutboxEntry, StoreError> {
    serde_json::from_slice(text.as_bytes()).map_err(|e| StoreError::Corrupt(e.to_string()))
}

impl Store {
    /// Stores (or replaces) an outbox entry.
    pub async fn outbox_put(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        let text = entry_text(entry)?;
        let tx = self
            .db
            .transaction(OUTBOX)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(OUTBOX)?
            .put(text)
            .with_key(entry.id.as_str())
            .build()?;
        tx.commit().await?;
        Ok(())
    }

    /// Every outbox entry, oldest first.
    pub async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let tx = self.db.transaction(OUTBOX).build()?;
        let texts = tx
            .object_store(OUTBOX)?
            .get_all::<String>()
            .primitive()?
            .await?;
        let mut entries = Vec::new();
        for text in texts {
            entries.push(read_entry(&text?)?);
        }
        entries.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        Ok(entries)
    }

    pub async fn outbox_delete(&self, id: &str) -> Result<(), StoreError> {
        self.delete_one(OUTBOX, id).await
    }
}
