//! What the young person makes on the device and the server never syncs: the outbox of
//! submissions, CVs and cover letters.

use super::*;

impl Store {
    pub(super) async fn put_one<T: Serialize>(
        &self,
        name: &str,
        value: &T,
    ) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(name)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(name)?.put(value).serde()?;
        tx.commit().await?;
        Ok(())
    }

    pub(super) async fn all_of<T: for<'de> Deserialize<'de> + 'static>(
        &self,
        name: &str,
    ) -> Result<Vec<T>, StoreError> {
        let tx = self.db.transaction(name).build()?;
        let all = tx.object_store(name)?.get_all::<T>().serde()?.await?;
        all.collect::<Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Corrupt(e.to_string()))
    }

    pub(super) async fn delete_one(&self, name: &str, id: &str) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(name)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(name)?.delete(id).build()?;
        tx.commit().await?;
        Ok(())
    }

    /// Stores (or replaces) an outbox entry.
    pub async fn outbox_put(&self, entry: &OutboxEntry) -> Result<(), StoreError> {
        self.put_one(OUTBOX, entry).await
    }

    /// Every outbox entry, oldest first.
    pub async fn outbox(&self) -> Result<Vec<OutboxEntry>, StoreError> {
        let mut entries: Vec<OutboxEntry> = self.all_of(OUTBOX).await?;
        entries.sort_by(|a, b| a.created_at.cmp(&b.created_at));
        Ok(entries)
    }

    pub async fn outbox_delete(&self, id: &str) -> Result<(), StoreError> {
        self.delete_one(OUTBOX, id).await
    }

    /// Every CV on the device, most recently changed first.
    pub async fn cvs(&self) -> Result<Vec<Cv>, StoreError> {
        let mut cvs: Vec<Cv> = self.all_of(CVS).await?;
        cvs.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
        Ok(cvs)
    }

    pub async fn put_cv(&self, cv: &Cv) -> Result<(), StoreError> {
        self.put_one(CVS, cv).await
    }

    pub async fn delete_cv(&self, id: &str) -> Result<(), StoreError> {
        self.delete_one(CVS, id).await
    }

    /// Every cover letter, most recently changed first.
    pub async fn letters(&self) -> Result<Vec<Letter>, StoreError> {
        let mut letters: Vec<Letter> = self.all_of(LETTERS).await?;
        letters.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
        Ok(letters)
    }

    pub async fn put_letter(&self, letter: &Letter) -> Result<(), StoreError> {
        self.put_one(LETTERS, letter).await
    }

    pub async fn delete_letter(&self, id: &str) -> Result<(), StoreError> {
        self.delete_one(LETTERS, id).await
    }

    /// Deletes every CV and cover letter on the device, in one transaction.
    pub async fn delete_all_cv_data(&self) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction([CVS, LETTERS])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(CVS)?.clear()?;
        tx.object_store(LETTERS)?.clear()?;
        tx.commit().await?;
        Ok(())
    }
}

/// Where a submission stands on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxState {
    /// Waiting to be sent ("in coda").
    Queued,
    /// The server has it and answered with a receipt ("inviata").
    Sent,
    /// The server refused it for a reason that retrying cannot fix; the text is kept.
    Refused,
}

/// One submission in the persistent outbox (DESIGN.md "Push"): its body goes to `endpoint`
/// as JSON, with the same `id` on every attempt so the server applies it once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: String,
    pub endpoint: String,
    pub body: serde_json::Value,
    pub state: OutboxState,
    pub attempts: u32,
    pub created_at: String,
    /// The server's answer once sent (for questions, a `QuestionReceipt`).
    #[serde(default)]
    pub receipt: Option<serde_json::Value>,
    /// Why the server refused it, in Italian.
    #[serde(default)]
    pub problem: Option<String>,
    /// The refusal's stable code (`call_closed`, `already_submitted`…).
    #[serde(default)]
    pub code: Option<String>,
    /// The refusal's field errors, shown beside the fields they name.
    #[serde(default)]
    pub errors: Vec<sito_core::FieldError>,
    /// The server asked for a signed-in account (401): the entry stays queued and leaves once
    /// someone signs in.
    #[serde(default)]
    pub needs_sign_in: bool,
    /// The account it must be sent as (a group's proposal): while another account is signed in
    /// on this device, it waits. None for what anyone may send (a question to the expert).
    #[serde(default)]
    pub owner: Option<String>,
}

impl OutboxEntry {
    /// A new entry, waiting to be sent.
    pub fn queued(id: String, endpoint: &str, body: serde_json::Value, created_at: String) -> Self {
        OutboxEntry {
            id,
            endpoint: endpoint.to_owned(),
            body,
            state: OutboxState::Queued,
            attempts: 0,
            created_at,
            receipt: None,
            problem: None,
            code: None,
            errors: Vec::new(),
            needs_sign_in: false,
            owner: None,
        }
    }
}
