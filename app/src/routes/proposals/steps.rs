//! Steps 1, 2, 3 and 5: the group and its partners; needs and objectives; actions and work
//! phases on a timeline; results, indicators and reporting.

use chrono::NaiveDate;
use leptos::prelude::*;
use sito_core::{
    account::GroupKind,
    cv::move_item,
    proposal::{ActionDraft, Partner, ProposalDraft},
    District,
};

use super::{
    described_by, error_line, field_id, group_kind_label, invalid, text_area, text_input, Editor,
    GROUP_DISTRICTS,
};
use crate::{i18n::*, labels};

/// One input of item `i` of a list (a partner, an action, a budget line).
#[allow(clippy::too_many_arguments)]
pub fn item_input(
    ed: Editor,
    field: String,
    label: &'static str,
    kind: &'static str,
    mode: &'static str,
    get: impl Fn(&ProposalDraft) -> Option<String> + Copy + Send + Sync + 'static,
    set: impl Fn(&mut ProposalDraft, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let id = field_id(&field);
    view! {
        <label for=id.clone()>{label}</label>
        <input
            id=id
            name=field.clone()
            type=kind
            inputmode=mode
            autocomplete="off"
            prop:value=move || ed.read(|d| get(d).unwrap_or_default())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                ed.edit(|d| set(d, value));
            }
            aria-invalid=invalid(ed, field.clone())
            aria-describedby=described_by(ed, field.clone())
        />
        {error_line(ed, field)}
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

/// An option of a select: its value and its label in the current language.
type Choice = (&'static str, Box<dyn Fn() -> &'static str + Send + Sync>);

/// A select of the draft bound through its option values.
fn select_field(
    ed: Editor,
    field: &'static str,
    label: impl IntoView + 'static,
    options: Vec<Choice>,
    get: fn(&ProposalDraft) -> &'static str,
    set: fn(&mut ProposalDraft, &str),
) -> impl IntoView {
    let i18n = use_i18n();
    let id = field_id(field);
    view! {
        <label for=id.clone()>{label}</label>
        <select
            id=id
            name=field
            prop:value=move || ed.read(get)
            on:change=move |ev| {
                let value = event_target_value(&ev);
                ed.edit(|d| set(d, &value));
            }
            aria-invalid=invalid(ed, field.to_owned())
            aria-describedby=described_by(ed, field.to_owned())
        >
            <option value="">{t!(i18n, proposals.choose)}</option>
            {options.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view()}
        </select>
        {error_line(ed, field.to_owned())}
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
    let kinds = [GroupKind::Association, GroupKind::InformalGroup]
        .into_iter()
        .map(|k| {
            let label: Box<dyn Fn() -> &'static str + Send + Sync> =
                Box::new(move || group_kind_label(i18n, k));
            (kind_value(Some(k)), label)
        })
        .collect();
    let districts = GROUP_DISTRICTS
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
        {text_input(ed, "group.name", t!(i18n, proposals.group_name), "text", |d| &d.group_name, |d| &mut d.group_name)}
        {select_field(ed, "group.kind", t!(i18n, proposals.group_kind), kinds, |d| kind_value(d.group_kind), |d, v| {
            d.group_kind = match v {
                "association" => Some(GroupKind::Association),
                "informal_group" => Some(GroupKind::InformalGroup),
                _ => None,
            };
        })}
        {select_field(ed, "group.district", t!(i18n, proposals.district), districts, |d| d.district.map_or("", <&str>::from), |d, v| d.district = v.parse::<District>().ok())}
        {text_input(ed, "group.contact_person", t!(i18n, proposals.contact_person), "text", |d| &d.contact_person, |d| &mut d.contact_person)}
        {text_input(ed, "group.members", t!(i18n, proposals.members), "numeric", |d| &d.members, |d| &mut d.members)}
        <div class="pair">
            <div>{text_input(ed, "group.age_min", t!(i18n, proposals.age_min), "numeric", |d| &d.age_min, |d| &mut d.age_min)}</div>
            <div>{text_input(ed, "group.age_max", t!(i18n, proposals.age_max), "numeric", |d| &d.age_max, |d| &mut d.age_max)}</div>
        </div>
        <h2>{t!(i18n, proposals.partners)}</h2>
        <p class="hint">{t!(i18n, proposals.partners_hint)}</p>
        {error_line(ed, "partners".to_owned())}
        <For each=move || 0..partners.get() key=|i| *i let:i>
            <fieldset class="item">
                <legend>{move || t_string!(i18n, proposals.partner, n = i + 1).to_string()}</legend>
                {item_input(ed, format!("partners.{i}.name"), t_string!(i18n, proposals.partner_name), "text", "text",
                    move |d| d.partners.get(i).map(|p| p.name.clone()),
                    move |d, v| if let Some(p) = d.partners.get_mut(i) { p.name = v; })}
                {item_input(ed, format!("partners.{i}.role"), t_string!(i18n, proposals.partner_role), "text", "text",
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

pub fn needs(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {text_input(ed, "title", t!(i18n, proposals.project_title), "text", |d| &d.title, |d| &mut d.title)}
        {text_area(ed, "needs", t!(i18n, proposals.needs), |d| &d.needs, |d| &mut d.needs)}
        {text_area(ed, "objectives", t!(i18n, proposals.objectives), |d| &d.objectives, |d| &mut d.objectives)}
    }
}

pub fn actions(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| ed.read(|d| d.actions.len()));
    type Part = fn(&mut ActionDraft) -> &mut String;
    let field =
        move |i: usize, name: &'static str, label: &'static str, kind: &'static str, part: Part| {
            item_input(
                ed,
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

pub fn results(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {text_area(ed, "results", t!(i18n, proposals.results), |d| &d.results, |d| &mut d.results)}
        {text_area(ed, "indicators", t!(i18n, proposals.indicators), |d| &d.indicators, |d| &mut d.indicators)}
        {text_area(ed, "reporting", t!(i18n, proposals.reporting), |d| &d.reporting, |d| &mut d.reporting)}
    }
}
