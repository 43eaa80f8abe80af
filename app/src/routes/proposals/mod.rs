//! Youth-led project proposals (the `sito-proposte` wasm, `proposte.html`): the group's drafts
//! on the phone and its proposals on the server, the six steps of the form (seed 002 §6.2:
//! "bisogni e obiettivi; azioni e fasi di lavoro; budget e rendicontazione"), sending through
//! the persistent outbox, the status timeline and a printable copy.
//!
//! Every keystroke is saved in IndexedDB as typed ([`ProposalDraft`] keeps text, not numbers),
//! so nothing is lost across reloads or days offline. The checks are core's, the same the
//! worker runs.

pub mod account;
mod budget;
mod confirm;
mod editor;
mod field;
mod home;
mod print;
mod review;
mod server_view;
mod session;
mod signing_in;
mod step;
mod steps;

pub use account::provide_session;
pub use confirm::ConfirmSignUp;
pub use editor::ProposalEditor;
pub use home::{NewProposal, ProposalHome};
pub use print::ProposalPrint;
pub use step::Step;

use leptos::{prelude::*, task::spawn_local};
use leptos_i18n::I18nContext;
use sito_core::{
    account::GroupKind,
    proposal::{ProposalDraft, ProposalView},
    Call, District, ValidationErrors,
};

use crate::{
    dates::now_iso,
    i18n::*,
    save_problem::written,
    store::{self, DraftRecord, OutboxEntry},
};

/// The districts a group can be based in.
pub const GROUP_DISTRICTS: [District; 3] =
    [District::Cremona, District::Crema, District::Casalmaggiore];

/// The element id of a field named as core names it (`budget.lines.0.unit_cost`).
pub fn field_id(field: &str) -> String {
    format!("f-{}", field.replace('.', "-"))
}

/// The outbox id of one revision of a draft.
pub fn entry_id(draft: &str, revision: u32) -> String {
    format!("{draft}:{revision}")
}

pub fn group_kind_label(i18n: I18nContext<Locale>, kind: GroupKind) -> &'static str {
    match kind {
        GroupKind::Association => t_string!(i18n, proposals.kind_association),
        GroupKind::InformalGroup => t_string!(i18n, proposals.kind_informal),
    }
}

/// The proposal being edited, shared by the steps.
#[derive(Clone, Copy)]
pub struct Editor {
    pub record: RwSignal<Option<DraftRecord>>,
    /// The call it answers, as last read from the device.
    pub call: Memo<Option<Call>>,
    /// This draft's outbox entries (every revision).
    pub entries: Memo<Vec<OutboxEntry>>,
    /// What the server says about it (online and signed in), or last said.
    pub view: Memo<Option<ProposalView>>,
    /// The server's newest answer about it, asked again as the editor's resource is keyed.
    answer: LocalResource<Option<ProposalView>>,
    /// Fields the person has typed in.
    pub edited: RwSignal<Vec<String>>,
    /// Fields the person has typed in and then left: their errors show from then on.
    pub touched: RwSignal<Vec<String>>,
    /// Every error shows (the last step, or after trying to send).
    pub show_all: RwSignal<bool>,
    /// The checks of core against the call, as the draft is now.
    pub checked: Memo<ValidationErrors>,
}

impl Editor {
    /// The editor of an opened draft, over the resources that read the rest: the call
    /// (`None` when the device could not be read), the outbox entries (likewise) and the
    /// server's answers (`None` when there is none new), starting from the answer kept on the
    /// phone. What a resource could not read leaves the last value in place.
    pub fn new(
        record: RwSignal<Option<DraftRecord>>,
        call: LocalResource<Option<Option<Call>>>,
        entries: LocalResource<Option<Vec<OutboxEntry>>>,
        answer: LocalResource<Option<ProposalView>>,
        kept: Option<ProposalView>,
    ) -> Self {
        let call = Memo::new(move |last: Option<&Option<Call>>| match call.get() {
            Some(Some(call)) => call,
            _ => last.cloned().flatten(),
        });
        let entries = Memo::new(move |last: Option<&Vec<OutboxEntry>>| {
            entries
                .get()
                .flatten()
                .unwrap_or_else(|| last.cloned().unwrap_or_default())
        });
        let view = Memo::new(move |last: Option<&Option<ProposalView>>| {
            answer
                .get()
                .flatten()
                .or_else(|| last.map_or_else(|| kept.clone(), Clone::clone))
        });
        let checked = Memo::new(move |_| {
            record.with(|r| {
                call.with(|c| match (r, c) {
                    (Some(r), Some(c)) => r.draft.check(c).err().unwrap_or_default(),
                    _ => ValidationErrors::default(),
                })
            })
        });
        Editor {
            record,
            call,
            entries,
            view,
            answer,
            edited: RwSignal::new(Vec::new()),
            touched: RwSignal::new(Vec::new()),
            show_all: RwSignal::new(false),
            checked,
        }
    }

    /// Shows an answer of the server at once; a request asked before it, answering later,
    /// does not replace it.
    pub fn server_said(self, view: ProposalView) {
        self.answer.set(Some(Some(view)));
    }

    /// The outbox entry of the draft's current revision.
    pub fn entry(self) -> Option<OutboxEntry> {
        let revision = self.record.with(|r| r.as_ref().map(|r| r.draft.revision))?;
        let id = self
            .record
            .with(|r| r.as_ref().map(|r| entry_id(&r.id, revision)))?;
        self.entries
            .with(|e| e.iter().find(|e| e.id == id).cloned())
    }

    /// Read-only: handed to the outbox and not refused, and not reopened since.
    pub fn locked(self) -> bool {
        self.record.with(|r| r.as_ref().is_some_and(|r| r.locked))
            && !self.entry().is_some_and(|e| e.is_refused())
    }

    /// Applies a change to the draft and saves it on the device at once.
    pub fn edit(self, change: impl FnOnce(&mut ProposalDraft)) {
        if self.locked() {
            return;
        }
        self.record.update(|r| {
            if let Some(r) = r {
                change(&mut r.draft);
                r.draft.updated_at = now_iso();
            }
        });
        self.save();
    }

    pub fn save(self) {
        if let Some(snapshot) = self.record.get_untracked() {
            spawn_local(async move {
                if let Some(store) = written(store::shared().await) {
                    written(store.put_draft(&snapshot).await);
                }
            });
        }
    }

    /// Reads one value of the draft.
    pub fn read<T: Default>(self, get: impl Fn(&ProposalDraft) -> T) -> T {
        self.record
            .with(|r| r.as_ref().map(|r| get(&r.draft)).unwrap_or_default())
    }

    /// The message to show beside `field`: the phone's check once the field was left (or on
    /// the last step), otherwise what the server said when it refused the proposal.
    pub fn error(self, field: &str) -> Option<String> {
        let shown = self.show_all.get() || self.touched.with(|t| t.iter().any(|f| f == field));
        if shown {
            if let Some(e) = self
                .checked
                .with(|c| c.for_field(field).map(|e| e.message.clone()))
            {
                return Some(e);
            }
        }
        self.entries.with(|entries| {
            let revision = self
                .record
                .with(|r| r.as_ref().map(|r| entry_id(&r.id, r.draft.revision)));
            entries
                .iter()
                .filter(|e| Some(&e.id) == revision.as_ref())
                .flat_map(|e| e.field_errors())
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    }

    /// Marks a field as typed in.
    pub fn mark_edited(self, field: String) {
        if !self.edited.with_untracked(|t| t.contains(&field)) {
            self.edited.update(|t| t.push(field));
        }
    }

    /// Marks a field as left; its errors show if it was typed in (passing through an empty
    /// field says nothing yet).
    pub fn touch(self, field: String) {
        let edited = self.edited.with_untracked(|e| e.contains(&field));
        if edited && !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
    }
}

pub fn use_editor() -> Editor {
    expect_context::<Editor>()
}

/// The error line of a field, tied to it by id.
pub fn error_line(ed: Editor, field: String) -> impl IntoView {
    let id = format!("{}-errore", field_id(&field));
    move || {
        ed.error(&field)
            .map(|m| view! { <p class="field-error" id=id.clone()>{m}</p> })
    }
}

/// `aria-describedby` and `aria-invalid` of a field, while it has an error.
pub fn described_by(ed: Editor, field: String) -> impl Fn() -> Option<String> {
    move || {
        ed.error(&field)
            .map(|_| format!("{}-errore", field_id(&field)))
    }
}

pub fn invalid(ed: Editor, field: String) -> impl Fn() -> Option<&'static str> {
    move || ed.error(&field).map(|_| "true")
}
