//! Proposal drafts on the device, and what the server last said about the group (its account,
//! its proposals), kept so that they show offline.

use sito_core::{
    account::{AccountView, Role},
    proposal::ProposalDraft,
};

use super::*;

/// One draft as the phone keeps it: the draft as typed, plus whether it is read-only because
/// it has been handed to the outbox (until the group withdraws it or is asked for changes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftRecord {
    /// The draft's id (the store's key).
    pub id: String,
    pub draft: ProposalDraft,
    /// Sent (or waiting to be sent): the form shows it without letting it change.
    #[serde(default)]
    pub locked: bool,
    /// The account the draft belongs to: the one signed in when it was made or rebuilt from the
    /// server. A draft made signed out belongs to whoever signs in next on this device. On a
    /// shared device, another account signed in does not see it.
    #[serde(default)]
    pub owner: Option<String>,
}

impl DraftRecord {
    pub fn new(draft: ProposalDraft, owner: Option<String>) -> Self {
        DraftRecord {
            id: draft.id.to_string(),
            draft,
            locked: false,
            owner,
        }
    }

    /// Whether `account` (none when signed out) may see the draft on this device.
    pub fn visible_to(&self, account: Option<&str>) -> bool {
        self.owner
            .as_deref()
            .is_none_or(|owner| Some(owner) == account)
    }
}

/// Where the proposal tool keeps the signed-in account (an `AccountView`).
pub const ME_KEY: &str = "me";

/// The part of the kept account that the store needs.
#[derive(Deserialize)]
struct AccountId {
    id: String,
}

impl Store {
    /// Stores (or replaces) a draft.
    pub async fn put_draft(&self, record: &DraftRecord) -> Result<(), StoreError> {
        self.put_one(PROPOSALS, record).await
    }

    /// Every draft on the device, most recently changed first.
    pub async fn drafts(&self) -> Result<Vec<DraftRecord>, StoreError> {
        let mut drafts: Vec<DraftRecord> = self.all_of(PROPOSALS).await?;
        drafts.sort_by(|a, b| b.draft.updated_at.cmp(&a.draft.updated_at));
        Ok(drafts)
    }

    pub async fn draft(&self, id: &str) -> Result<Option<DraftRecord>, StoreError> {
        let tx = self.db.transaction(PROPOSALS).build()?;
        Ok(tx.object_store(PROPOSALS)?.get(id).serde()?.await?)
    }

    pub async fn delete_draft(&self, id: &str) -> Result<(), StoreError> {
        self.delete_one(PROPOSALS, id).await
    }

    /// Keeps a server answer under `key` (as JSON text).
    pub async fn cache_put<T: Serialize>(&self, key: &str, value: &T) -> Result<(), StoreError> {
        let text = serde_json::to_string(value).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let tx = self
            .db
            .transaction(PROPOSAL_CACHE)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(PROPOSAL_CACHE)?
            .put(text)
            .with_key(key)
            .build()?;
        tx.commit().await?;
        Ok(())
    }

    /// The answer kept under `key`, if any (and still readable).
    pub async fn cache_get<T: for<'de> Deserialize<'de>>(
        &self,
        key: &str,
    ) -> Result<Option<T>, StoreError> {
        let tx = self.db.transaction(PROPOSAL_CACHE).build()?;
        let text: Option<String> = tx
            .object_store(PROPOSAL_CACHE)?
            .get(key)
            .primitive()?
            .await?;
        Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
    }

    /// The account signed in on this device, as the server last confirmed it.
    pub async fn signed_in_account(&self) -> Option<String> {
        let me: Option<AccountId> = self.cache_get(ME_KEY).await.ok().flatten();
        me.map(|m| m.id)
    }

    /// Remembers `account` as signed in on this device. A group's account also takes the drafts
    /// and waiting submissions made while signed out: from now on they are its own, and no
    /// other account sees or sends them; `fill` completes each draft not yet sent with what the
    /// account says about the group. One transaction: the phone is never left half claimed.
    pub async fn sign_in(
        &self,
        account: &AccountView,
        fill: impl Fn(&mut ProposalDraft),
    ) -> Result<(), StoreError> {
        let text =
            serde_json::to_string(account).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let tx = self
            .db
            .transaction([PROPOSAL_CACHE, PROPOSALS, OUTBOX])
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(PROPOSAL_CACHE)?
            .put(text)
            .with_key(ME_KEY)
            .build()?;
        if account.role == Role::Applicant {
            let owner = Some(account.id.clone());
            let drafts = tx.object_store(PROPOSALS)?;
            for record in drafts.get_all::<DraftRecord>().serde()?.await? {
                let mut record = record.map_err(|e| StoreError::Corrupt(e.to_string()))?;
                if record.owner.is_none() {
                    if !record.locked {
                        fill(&mut record.draft);
                    }
                    record.owner = owner.clone();
                    drafts.put(record).serde()?;
                }
            }
            let outbox = tx.object_store(OUTBOX)?;
            for text in outbox.get_all::<String>().primitive()?.await? {
                let mut entry = super::outbox::read_entry(&text?)?;
                if entry.owner.is_none() && entry.waits_for_sign_in() {
                    entry.owner = owner.clone();
                    let text = super::outbox::entry_text(&entry)?;
                    outbox.put(text).with_key(entry.id.as_str()).build()?;
                }
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Forgets everything the server said about the group (on signing out).
    pub async fn cache_clear(&self) -> Result<(), StoreError> {
        let tx = self
            .db
            .transaction(PROPOSAL_CACHE)
            .with_mode(TransactionMode::Readwrite)
            .build()?;
        tx.object_store(PROPOSAL_CACHE)?.clear()?;
        tx.commit().await?;
        Ok(())
    }
}
