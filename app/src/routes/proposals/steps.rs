//! Steps 1, 2, 3 and 5: the group and its partners; needs and objectives; actions and work
//! phases on a timeline; results, indicators and reporting.

use chrono::NaiveDate;
use leptos::prelude::*;
use sito_core::{
    account::GroupKind,
    cv::move_item,
    proposal::{ActionDraft, Partner, ProposalDraft},
};

use super::{
    error_line,
    field::{Choice, Control, DraftField},
    group_kind_label, Editor, GROUP_DISTRICTS,
};
use crate::{i18n::*, labels};

/// One input of item `i` of a list (a partner, an action, a budget line): its value is `None`
/// once the item is gone.
pub fn item_field(
    field: String,
    label: &'static str,
    kind: &'static str,
    mode: &'static str,
    value: impl Fn(&ProposalDraft) -> Option<String> + Send + Sync + 'static,
    set: impl Fn(&mut ProposalDraft, String) + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <DraftField
            field
            control=Control::Input { kind: Some(kind), mode }
            value=move |d| value(d).unwrap_or_default()
            set
        >
            {label}
        </DraftField>
    }
}

/// Up, down and remove for item `i` of a list of `count`.
pub fn item_buttons(
    ed: Editor,
    i: usize,
    count: Memo<usize>,
    reorder: Option<fn(&mut ProposalDraft, usize, bool)>,
    remove: fn(&mut ProposalDraft, usize),
) -> impl IntoView {
    let i18n = use_i18n();
    let n = format!(" ({})", i + 1);
    view! {
        <div class="item-buttons">
            {reorder.map(|reorder| {
                let n2 = n.clone();
                view! {
                    <button type="button" class="secondary" disabled={move || i == 0} on:click=move |_| ed.edit(|d| reorder(d, i, true))>
                        {t!(i18n, proposals.up)}<span class="visually-hidden">{n.clone()}</span>
                    </button>
                    <button type="button" class="secondary" disabled={move || i + 1 >= count.get()} on:click=move |_| ed.edit(|d| reorder(d, i, false))>
                        {t!(i18n, proposals.down)}<span class="visually-hidden">{n2.clone()}</span>
                    </button>
                }
            })}
            <button type="button" class="secondary" on:click=move |_| ed.edit(|d| remove(d, i))>
                {t!(i18n, proposals.remove)}<span class="visually-hidden">{format!(" ({})", i + 1)}</span>
            </button>
        </div>
    }
}

fn kind_value(kind: Option<GroupKind>) -> &'static str {
    match kind {
        Some(GroupKind::Association) => "association",
        Some(GroupKind::InformalGroup) => "informal_group",
        None => "",
    }
}

pub fn group(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let kinds: Vec<Choice> = [GroupKind::Association, GroupKind::InformalGroup]
        .into_iter()
        .map(|k| {
            let label: Box<dyn Fn() -> &'static str + Send + Sync> =
                Box::new(move || group_kind_label(i18n, k));
            (kind_value(Some(k)), label)
        })
        .collect();
    let districts: Vec<Choice> = GROUP_DISTRICTS
        .into_iter()
        .map(|d| {
            let label: Box<dyn Fn() -> &'static str + Send + Sync> =
                Box::new(move || labels::district(i18n, d));
            (d.into(), label)
        })
        .collect();
    let partners = Memo::new(move |_| ed.read(|d| d.partners.len()));
    // Said up front: writing needs no account, sending needs the group's.
    let session = super::account::use_session();
    let no_group = move || {
        !session.me.with(|m| {
            m.as_ref()
                .is_some_and(|m| m.role == sito_core::account::Role::Applicant)
        })
    };
    view! {
        {move || no_group().then(|| view! {
            <p class="notice" data-testid="needs-account">
                {t!(i18n, proposals.needs_account)} " "
                <a href="/proposte">{t!(i18n, proposals.needs_account_link)}</a>
            </p>
        })}
        <DraftField field="group.name" control=Control::text("text") value=|d| d.group_name.clone() set=|d, v| d.group_name = v>{t!(i18n, proposals.group_name)}</DraftField>
        <DraftField
            field="group.kind"
            control=Control::Select { options: kinds, choose: true }
            value=|d| kind_value(d.group_kind).to_owned()
            set=|d, v| {
                d.group_kind = match v.as_str() {
                    "association" => Some(GroupKind::Association),
                    "informal_group" => Some(GroupKind::InformalGroup),
                    _ => None,
                };
            }
        >
            {t!(i18n, proposals.group_kind)}
        </DraftField>
        <DraftField
            field="group.district"
            control=Control::Select { options: districts, choose: true }
            value=|d| d.district.map_or("", <&str>::from).to_owned()
            set=|d, v| { d.district = v.parse().ok(); }
        >
            {t!(i18n, proposals.district)}
        </DraftField>
        <DraftField field="group.contact_person" control=Control::text("text") value=|d| d.contact_person.clone() set=|d, v| d.contact_person = v>{t!(i18n, proposals.contact_person)}</DraftField>
        <DraftField field="group.members" control=Control::text("numeric") value=|d| d.members.clone() set=|d, v| d.members = v>{t!(i18n, proposals.members)}</DraftField>
        <div class="pair">
            <div>
                <DraftField field="group.age_min" control=Control::text("numeric") value=|d| d.age_min.clone() set=|d, v| d.age_min = v>{t!(i18n, proposals.age_min)}</DraftField>
            </div>
            <div>
                <DraftField field="group.age_max" control=Control::text("numeric") value=|d| d.age_max.clone() set=|d, v| d.age_max = v>{t!(i18n, proposals.age_max)}</DraftField>
            </div>
        </div>
        <h2>{t!(i18n, proposals.partners)}</h2>
        <p class="hint">{t!(i18n, proposals.partners_hint)}</p>
        {error_line(ed, "partners".to_owned())}
        <For each=move || 0..partners.get() key=|i| *i let:i>
            <fieldset class="item">
                <legend>{move || t_string!(i18n, proposals.partner, n = i + 1).to_string()}</legend>
                {item_field(format!("partners.{i}.name"), t_string!(i18n, proposals.partner_name), "text", "text",
                    move |d| d.partners.get(i).map(|p| p.name.clone()),
                    move |d, v| if let Some(p) = d.partners.get_mut(i) { p.name = v; })}
                {item_field(format!("partners.{i}.role"), t_string!(i18n, proposals.partner_role), "text", "text",
                    move |d| d.partners.get(i).map(|p| p.role.clone()),
                    move |d, v| if let Some(p) = d.partners.get_mut(i) { p.role = v; })}
                {item_buttons(ed, i, partners, None, |d, i| { d.partners.remove(i); })}
            </fieldset>
        </For>
        <button type="button" class="action" on:click=move |_| ed.edit(|d| d.partners.push(Partner::default()))>
            {t!(i18n, proposals.add_partner)}
        </button>
    }
}

pub fn needs() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftField field="title" control=Control::text("text") value=|d| d.title.clone() set=|d, v| d.title = v>{t!(i18n, proposals.project_title)}</DraftField>
        <DraftField field="needs" control=Control::TextArea value=|d| d.needs.clone() set=|d, v| d.needs = v>{t!(i18n, proposals.needs)}</DraftField>
        <DraftField field="objectives" control=Control::TextArea value=|d| d.objectives.clone() set=|d, v| d.objectives = v>{t!(i18n, proposals.objectives)}</DraftField>
    }
}

pub fn actions(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| ed.read(|d| d.actions.len()));
    type Part = fn(&mut ActionDraft) -> &mut String;
    let field =
        move |i: usize, name: &'static str, label: &'static str, kind: &'static str, part: Part| {
            item_field(
                format!("actions.{i}.{name}"),
                label,
                kind,
                "text",
                move |d| d.actions.get(i).cloned().map(|mut a| part(&mut a).clone()),
                move |d, v| {
                    if let Some(a) = d.actions.get_mut(i) {
                        *part(a) = v;
                    }
                },
            )
        };
    view! {
        <p class="hint">{t!(i18n, proposals.actions_hint)}</p>
        {error_line(ed, "actions".to_owned())}
        <For each=move || 0..count.get() key=|i| *i let:i>
            <fieldset class="item">
                <legend>{move || t_string!(i18n, proposals.action, n = i + 1).to_string()}</legend>
                {field(i, "title", t_string!(i18n, proposals.action_title), "text", |a| &mut a.title)}
                <div class="pair">
                    <div>{field(i, "start", t_string!(i18n, proposals.action_start), "date", |a| &mut a.start)}</div>
                    <div>{field(i, "end", t_string!(i18n, proposals.action_end), "date", |a| &mut a.end)}</div>
                </div>
                {field(i, "who", t_string!(i18n, proposals.action_who), "text", |a| &mut a.who)}
                {item_buttons(ed, i, count, Some(|d, i, up| move_item(&mut d.actions, i, up)), |d, i| { d.actions.remove(i); })}
            </fieldset>
        </For>
        <button type="button" class="action" on:click=move |_| ed.edit(|d| d.actions.push(ActionDraft::default()))>
            {t!(i18n, proposals.add_action)}
        </button>
        <h2>{t!(i18n, proposals.timeline)}</h2>
        {move || timeline(&ed.read(|d| d.actions.clone()))}
    }
}

/// The actions as bars on one time axis (those with both dates readable).
pub fn timeline(actions: &[ActionDraft]) -> impl IntoView {
    let dated: Vec<(&ActionDraft, NaiveDate, NaiveDate)> = actions
        .iter()
        .filter_map(|a| {
            let start = a.start.parse::<NaiveDate>().ok()?;
            let end = a.end.parse::<NaiveDate>().ok()?.max(start);
            Some((a, start, end))
        })
        .collect();
    let first = dated.iter().map(|d| d.1).min();
    let last = dated.iter().map(|d| d.2).max();
    let (Some(first), Some(last)) = (first, last) else {
        return ().into_any();
    };
    let span = ((last - first).num_days() + 1) as f64;
    view! {
        <ol class="timeline" data-testid="timeline">
            {dated.into_iter().map(|(a, start, end)| {
                let left = (start - first).num_days() as f64 / span * 100.0;
                let width = (((end - start).num_days() + 1) as f64 / span * 100.0).max(2.0);
                view! {
                    <li>
                        <span class="tl-label">{a.title.clone()} " · " {start.format("%d/%m/%Y").to_string()} " – " {end.format("%d/%m/%Y").to_string()}</span>
                        <span class="tl-track" aria-hidden="true">
                            <span class="tl-bar" style=format!("margin-left:{left:.1}%;width:{width:.1}%")></span>
                        </span>
                    </li>
                }
            }).collect_view()}
        </ol>
    }
    .into_any()
}

pub fn results() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <DraftField field="results" control=Control::TextArea value=|d| d.results.clone() set=|d, v| d.results = v>{t!(i18n, proposals.results)}</DraftField>
        <DraftField field="indicators" control=Control::TextArea value=|d| d.indicators.clone() set=|d, v| d.indicators = v>{t!(i18n, proposals.indicators)}</DraftField>
        <DraftField field="reporting" control=Control::TextArea value=|d| d.reporting.clone() set=|d, v| d.reporting = v>{t!(i18n, proposals.reporting)}</DraftField>
    }
}
