//! "Per te": the profile the young person chose to tell and the matching items they have
//! already been shown. Device only, never synced or sent. It lives in the tutorial-progress
//! store under a key no guide id can take (ids are lowercase letters, digits and dashes), so
//! it needs no new store version and survives the upgrades that drop the feed's cursor.

use sito_core::matching::Profile;

use super::*;

/// The record's key in `PROGRESS` (that store's key path is `guide`).
const FOR_YOU_KEY: &str = "~per-te";

/// The profile, and the items ("opportunity:id", "call:id") already shown as matching: the
/// home page counts the matches that are not among them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForYou {
    guide: String,
    pub profile: Profile,
    #[serde(default)]
    pub seen: Vec<String>,
}

impl ForYou {
    /// A profile not yet kept, with nothing seen.
    pub fn new(profile: Profile) -> Self {
        ForYou {
            guide: FOR_YOU_KEY.to_owned(),
            profile,
            seen: Vec::new(),
        }
    }
}

impl Store {
    /// The profile and what was seen, if the young person kept a profile.
    pub async fn for_you(&self) -> Result<Option<ForYou>, StoreError> {
        let tx = self.db.transaction(PROGRESS).build()?;
        Ok(tx.object_store(PROGRESS)?.get(FOR_YOU_KEY).serde()?.await?)
    }

    pub async fn put_for_you(
        &self,
        profile: &Profile,
        seen: Vec<String>,
    ) -> Result<(), StoreError> {
        let record = ForYou {
            guide: FOR_YOU_KEY.to_owned(),
            profile: profile.clone(),
            seen,
        };
        self.put_one(PROGRESS, &record).await
    }

    /// Forgets the profile and what was seen.
    pub async fn delete_for_you(&self) -> Result<(), StoreError> {
        self.delete_one(PROGRESS, FOR_YOU_KEY).await
    }
}
