//! The CV bank's profile as the outbox keeps it.

use sito_core::bank::{BankReceipt, BankSubmission};

use super::*;

/// A [`BankSubmission`] as the outbox keeps and sends it, and the [`BankReceipt`] the server
/// answered: JSON text, so the everyday pages' wasm sends what "Per te" queued without the code
/// that reads one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BankJson(String);

impl BankJson {
    pub fn new(submission: &BankSubmission) -> Result<Self, serde_json::Error> {
        serde_json::to_string(submission).map(BankJson)
    }

    pub fn read(&self) -> Result<BankSubmission, serde_json::Error> {
        serde_json::from_str(&self.0)
    }

    /// The JSON text, as the API takes it (and, for a receipt, as the API gave it).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A receipt's JSON text as the server sent it.
    pub fn receipt(text: String) -> Self {
        BankJson(text)
    }

    /// A receipt kept again after it changed (the profile was updated and renewed).
    pub fn from_receipt(receipt: &BankReceipt) -> Result<Self, serde_json::Error> {
        serde_json::to_string(receipt).map(BankJson)
    }

    pub fn read_receipt(&self) -> Result<BankReceipt, serde_json::Error> {
        serde_json::from_str(&self.0)
    }
}
