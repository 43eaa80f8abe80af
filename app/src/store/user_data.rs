//! What the young person makes on the device and the server never syncs: CVs and cover
//! letters (and the helpers the outbox and the drafts share).

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
