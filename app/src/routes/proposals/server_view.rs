//! What the server says about one proposal (`ProposalView`): asked for, kept on the phone for
//! offline use, and turned back into a draft on a phone that has none. Used by the editor and
//! by its last step.

use sito_core::proposal::{ProposalDraft, ProposalView};

use crate::{
    api::{self, ApiError},
    save_problem::written,
    store::{self, DraftRecord},
};

/// The cache key of the server's view of one proposal.
pub fn view_key(id: &str) -> String {
    format!("view:{id}")
}

/// The draft as a proposal on the server, for a phone that has none.
pub fn rebuild(view: &ProposalView, owner: Option<String>) -> DraftRecord {
    let mut draft = ProposalDraft::from_body(view.id, &view.call_id, view.revision, &view.body);
    draft.updated_at = sito_core::time::format(&view.submitted_at);
    let mut record = DraftRecord::new(draft, owner);
    // The copy the group sent: read-only until "Modifica e reinvia" (when the server allows).
    record.locked = true;
    record
}

/// Asks the server about a proposal, and keeps the answer for offline use.
pub async fn fetch_view(id: &str) -> Result<ProposalView, ApiError> {
    let view = api::proposal(id).await?;
    if let Some(store) = written(store::shared().await) {
        written(store.cache_put(&view_key(id), &view).await);
    }
    Ok(view)
}

/// The last answer kept on the phone, if any.
pub async fn cached_view(id: &str) -> Option<ProposalView> {
    let store = store::shared().await.ok()?;
    store
        .cache_get::<ProposalView>(&view_key(id))
        .await
        .ok()
        .flatten()
}
