//! What signing in does on the phone: the account is remembered for offline use, and a group's
//! account takes the drafts begun signed out, filling in what they leave blank about the group.

use leptos::prelude::*;
use sito_core::{
    account::{AccountView, Role},
    proposal::ProposalDraft,
};

use super::{session::Session, Editor};
use crate::{save_problem::written, store};

/// Fills what a draft begun signed out leaves blank about the group from the group's account,
/// as a new draft is filled when signed in; nothing typed is replaced. Whether anything changed.
pub fn fill_group(draft: &mut ProposalDraft, me: &AccountView) -> bool {
    let mut changed = false;
    if draft.group_name.trim().is_empty() && !me.name.trim().is_empty() {
        draft.group_name = me.name.clone();
        changed = true;
    }
    if let Some(group) = &me.group {
        if draft.group_kind.is_none() {
            draft.group_kind = Some(group.kind);
            changed = true;
        }
        if draft.district.is_none() {
            draft.district = Some(group.district);
            changed = true;
        }
        if draft.contact_person.trim().is_empty() && !group.contact_person.trim().is_empty() {
            draft.contact_person = group.contact_person.clone();
            changed = true;
        }
    }
    changed
}

/// Remembers the account on the phone and tells every page. A group's account also takes the
/// drafts begun signed out on this phone, and fills in what they leave blank about the group
/// (the draft open on this page too, if any), in one transaction of the store.
pub(super) async fn signed_in(session: Session, me: AccountView, editor: Option<Editor>) {
    if let Some(store) = written(store::shared().await) {
        written(
            store
                .sign_in(&me, |draft| {
                    fill_group(draft, &me);
                })
                .await,
        );
        if me.role == Role::Applicant {
            if let Some(ed) = editor {
                ed.record.update(|r| {
                    if let Some(r) = r.as_mut().filter(|r| r.owner.is_none() && !r.locked) {
                        fill_group(&mut r.draft, &me);
                        r.owner = Some(me.id.clone());
                    }
                });
            }
        }
    }
    session.me.set(Some(me));
    session.changed.update(|c| *c += 1);
}
