//! One field of the proposal form: its label, the control bound to a value of the draft, and
//! the field's error tied to the control (`aria-describedby`, `aria-invalid`). The control is
//! named as core names the field (`budget.lines.0.unit_cost`), so the editor knows which field
//! an event is about, and its id is [`field_id`] of that name, the anchor of the last step's
//! links.

use leptos::prelude::*;
use sito_core::proposal::ProposalDraft;

use super::{described_by, error_line, field_id, invalid, use_editor};
use crate::i18n::*;

/// An option of a select: its value and its label in the current language.
pub type Choice = (&'static str, Box<dyn Fn() -> &'static str + Send + Sync>);

/// What the field is typed or chosen in.
pub enum Control {
    /// A single-line input, with its `type` (none: the browser's text) and `inputmode`.
    Input {
        kind: Option<&'static str>,
        mode: &'static str,
    },
    /// A six-row text area.
    TextArea,
    /// A select of these options, after an empty "Scegli…" when `choose` is set.
    Select { options: Vec<Choice>, choose: bool },
}

impl Control {
    /// A single-line input of text with this `inputmode`.
    pub fn text(mode: &'static str) -> Self {
        Control::Input { kind: None, mode }
    }
}

#[component]
pub fn DraftField(
    /// Core's name of the field.
    #[prop(into)]
    field: String,
    control: Control,
    /// The field's value in the draft, as typed.
    value: impl Fn(&ProposalDraft) -> String + Send + Sync + 'static,
    /// Puts what was typed or chosen in the draft.
    set: impl Fn(&mut ProposalDraft, String) + Send + Sync + 'static,
    /// The label.
    children: Children,
) -> impl IntoView {
    // One body for every field, whatever its closures: the tool's wasm keeps one copy.
    draft_field(field, control, Box::new(value), Box::new(set), children)
}

/// Reads a field's value in the draft.
type Read = Box<dyn Fn(&ProposalDraft) -> String + Send + Sync>;
/// Writes a field's value in the draft.
type Write = Box<dyn Fn(&mut ProposalDraft, String) + Send + Sync>;

fn draft_field(
    field: String,
    control: Control,
    value: Read,
    set: Write,
    children: Children,
) -> AnyView {
    let i18n = use_i18n();
    let ed = use_editor();
    let id = field_id(&field);
    let current = move || ed.read(&*value);
    let on_input = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        ed.edit(|d| set(d, typed));
    };
    let aria_invalid = invalid(ed, field.clone());
    let aria_describedby = described_by(ed, field.clone());
    let control = match control {
        Control::Input { kind, mode } => view! {
            <input
                id=id.clone()
                name=field.clone()
                type=kind
                inputmode=mode
                autocomplete="off"
                prop:value=current
                on:input=on_input
                aria-invalid=aria_invalid
                aria-describedby=aria_describedby
            />
        }
        .into_any(),
        Control::TextArea => view! {
            <textarea
                id=id.clone()
                name=field.clone()
                rows="6"
                prop:value=current
                on:input=on_input
                aria-invalid=aria_invalid
                aria-describedby=aria_describedby
            ></textarea>
        }
        .into_any(),
        Control::Select { options, choose } => view! {
            <select
                id=id.clone()
                name=field.clone()
                prop:value=current
                on:change=on_input
                aria-invalid=aria_invalid
                aria-describedby=aria_describedby
            >
                {choose.then(|| view! { <option value="">{t!(i18n, proposals.choose)}</option> })}
                {options.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
            </select>
        }
        .into_any(),
    };
    view! {
        <label for=id>{children()}</label>
        {control}
        {error_line(ed, field)}
    }
    .into_any()
}
