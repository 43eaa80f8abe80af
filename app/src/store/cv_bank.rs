//! The CV bank's record as the phone last read it ("Che cosa conserva il server"), shown with
//! the time it was read while the phone is offline. Kept in the tutorial-progress store under a
//! key no guide id can take, like "Per te", so it needs no new store version.

use super::*;

/// The record's key in `PROGRESS` (that store's key path is `guide`).
const CV_BANK_KEY: &str = "~banca-cv";

/// The server's answer as JSON text (read where it is shown), and when it was read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptRecord {
    guide: String,
    /// The profile's id, so that a record of a profile since deleted is never shown.
    pub profile_id: String,
    pub record: String,
    pub read_at: String,
}

impl Store {
    /// The last record read from the server, if any.
    pub async fn cv_bank_record(&self) -> Result<Option<KeptRecord>, StoreError> {
        let tx = self.db.transaction(PROGRESS).build()?;
        Ok(tx.object_store(PROGRESS)?.get(CV_BANK_KEY).serde()?.await?)
    }

    pub async fn put_cv_bank_record(
        &self,
        profile_id: &str,
        record: String,
        read_at: String,
    ) -> Result<(), StoreError> {
        let kept = KeptRecord {
            guide: CV_BANK_KEY.to_owned(),
            profile_id: profile_id.to_owned(),
            record,
            read_at,
        };
        self.put_one(PROGRESS, &kept).await
    }

    /// Forgets the record (the profile was deleted from the bank).
    pub async fn delete_cv_bank_record(&self) -> Result<(), StoreError> {
        self.delete_one(PROGRESS, CV_BANK_KEY).await
    }
}
