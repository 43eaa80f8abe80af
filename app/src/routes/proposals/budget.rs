//! Step 4: budget lines by category (quantity × unit cost, typed the Italian way), the totals,
//! the amount asked of the call and the group's co-financing, checked live against the call's
//! ceiling and share with core's own messages.

use leptos::prelude::*;
use sito_core::VariantArray;
use sito_core::{
    budget::{BudgetCategory, Cents},
    proposal::{LineDraft, ProposalDraft},
};

use super::{
    error_line,
    field::{Choice, Control, DraftField},
    steps::{item_buttons, item_field},
    Editor,
};
use crate::i18n::*;

pub fn category_label(i18n: leptos_i18n::I18nContext<Locale>, c: BudgetCategory) -> &'static str {
    match c {
        BudgetCategory::Staff => t_string!(i18n, budget.staff),
        BudgetCategory::Materials => t_string!(i18n, budget.materials),
        BudgetCategory::Services => t_string!(i18n, budget.services),
        BudgetCategory::Travel => t_string!(i18n, budget.travel),
        BudgetCategory::Communication => t_string!(i18n, budget.communication),
        BudgetCategory::Venues => t_string!(i18n, budget.venues),
        BudgetCategory::Other => t_string!(i18n, budget.other),
    }
}

fn category_value(c: BudgetCategory) -> &'static str {
    match c {
        BudgetCategory::Staff => "staff",
        BudgetCategory::Materials => "materials",
        BudgetCategory::Services => "services",
        BudgetCategory::Travel => "travel",
        BudgetCategory::Communication => "communication",
        BudgetCategory::Venues => "venues",
        BudgetCategory::Other => "other",
    }
}

/// A line's total as far as it can be read now.
pub fn line_total(line: &LineDraft) -> Option<Cents> {
    let quantity = line.quantity.trim().parse::<u32>().ok()?;
    Cents::parse(&line.unit_cost)?.times(quantity)
}

fn category_select(i: usize) -> impl IntoView {
    let i18n = use_i18n();
    let options: Vec<Choice> = BudgetCategory::VARIANTS
        .iter()
        .copied()
        .map(|c| {
            let label: Box<dyn Fn() -> &'static str + Send + Sync> =
                Box::new(move || category_label(i18n, c));
            (category_value(c), label)
        })
        .collect();
    view! {
        <DraftField
            field=format!("budget.lines.{i}.category")
            control=Control::Select { options, choose: false }
            value=move |d| d.lines.get(i).map_or("", |l| category_value(l.category)).to_owned()
            set=move |d, value| {
                if let Some(c) = BudgetCategory::VARIANTS.iter().copied().find(|c| category_value(*c) == value) {
                    if let Some(l) = d.lines.get_mut(i) {
                        l.category = c;
                    }
                }
            }
        >
            {t!(i18n, budget.category)}
        </DraftField>
    }
}

pub fn budget(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| ed.read(|d| d.lines.len()));
    type Part = fn(&mut LineDraft) -> &mut String;
    let field =
        move |i: usize, name: &'static str, label: &'static str, mode: &'static str, part: Part| {
            item_field(
                format!("budget.lines.{i}.{name}"),
                label,
                "text",
                mode,
                move |d: &ProposalDraft| d.lines.get(i).cloned().map(|mut l| part(&mut l).clone()),
                move |d: &mut ProposalDraft, v| {
                    if let Some(l) = d.lines.get_mut(i) {
                        *part(l) = v;
                    }
                },
            )
        };
    view! {
        <p class="hint">{t!(i18n, budget.amount_hint)}</p>
        {error_line(ed, "budget.lines".to_owned())}
        <For each=move || 0..count.get() key=|i| *i let:i>
            <fieldset class="item">
                <legend>{move || t_string!(i18n, budget.line, n = i + 1).to_string()}</legend>
                {category_select(i)}
                {field(i, "description", t_string!(i18n, budget.description), "text", |l| &mut l.description)}
                <div class="pair">
                    <div>{field(i, "quantity", t_string!(i18n, budget.quantity), "numeric", |l| &mut l.quantity)}</div>
                    <div>{field(i, "unit_cost", t_string!(i18n, budget.unit_cost), "decimal", |l| &mut l.unit_cost)}</div>
                </div>
                <p class="line-total" data-testid="line-total">
                    {t!(i18n, budget.line_total)} " "
                    <strong>{move || ed.read(|d| d.lines.get(i).and_then(line_total)).map_or_else(|| "—".to_owned(), |c| c.to_string())}</strong>
                </p>
                {item_buttons(ed, i, count, None, |d, i| { d.lines.remove(i); })}
            </fieldset>
        </For>
        <button type="button" class="action" on:click=move |_| ed.edit(|d| d.lines.push(LineDraft::default()))>
            {t!(i18n, budget.add_line)}
        </button>
        <DraftField field="budget.requested" control=Control::text("decimal") value=|d| d.requested.clone() set=|d, v| d.requested = v>{t!(i18n, budget.requested)}</DraftField>
        <Totals ed/>
    }
}

/// The totals and the call's rules, live.
#[component]
pub fn Totals(ed: Editor) -> impl IntoView {
    let i18n = use_i18n();
    let budget = Memo::new(move |_| ed.read(|d| Some(d.budget())));
    let rules = Memo::new(move |_| ed.call.with(|c| c.as_ref().map(|c| c.rules())));
    let totals = Memo::new(move |_| {
        let budget = budget.get()?;
        let rules = rules.get().unwrap_or(sito_core::budget::BudgetRules {
            ceiling: Cents(sito_core::budget::MAX_CENTS),
            cofinancing_bp: 0,
        });
        budget.totals(&rules)
    });
    // Core's messages for the rules of the call: the ceiling, the share, the total.
    let problems = Memo::new(move |_| {
        let (Some(budget), Some(rules)) = (budget.get(), rules.get()) else {
            return Vec::new();
        };
        budget
            .validate(&rules)
            .err()
            .map(|e| {
                e.0.into_iter()
                    .filter(|e| e.field == "requested" || e.field == "lines")
                    .filter(|e| e.code != "required")
                    .map(|e| e.message)
                    .collect()
            })
            .unwrap_or_default()
    });
    let share = move || ed.call.with(|c| c.as_ref().map(|c| c.cofinancing_percent));
    view! {
        <section class="totals" aria-labelledby="totali" data-testid="totals">
            <h2 id="totali">{t!(i18n, budget.totals)}</h2>
            {move || totals.get().map(|t| view! {
                <table class="grid">
                    <caption class="visually-hidden">{t!(i18n, budget.by_category)}</caption>
                    <tbody>
                        {t.by_category.iter().map(|(c, amount)| {
                            let c = *c;
                            view! { <tr><th scope="row">{move || category_label(i18n, c)}</th><td class="num">{amount.to_string()}</td></tr> }
                        }).collect_view()}
                        <tr class="sum"><th scope="row">{t!(i18n, budget.total)}</th><td class="num" data-testid="total">{t.total.to_string()}</td></tr>
                        <tr><th scope="row">{t!(i18n, budget.requested_short)}</th><td class="num" data-testid="requested">{t.requested.to_string()}</td></tr>
                        <tr><th scope="row">{t!(i18n, budget.cofinancing)}</th><td class="num" data-testid="cofinancing">{t.cofinancing.to_string()}</td></tr>
                        {move || share().map(|n| view! {
                            <tr><th scope="row">{t_string!(i18n, budget.cofinancing_required, n = n).to_string()}</th><td class="num">{t.cofinancing_required.to_string()}</td></tr>
                        })}
                        {move || ed.call.with(|c| c.as_ref().map(|c| c.ceiling)).map(|ceiling| view! {
                            <tr><th scope="row">{t!(i18n, budget.ceiling)}</th><td class="num">{ceiling.to_string()}</td></tr>
                        })}
                    </tbody>
                </table>
            })}
            <div role="status" aria-live="polite" data-testid="budget-check">
                {move || {
                    let problems = problems.get();
                    if ed.call.with(Option::is_none) {
                        view! { <p class="hint">{t!(i18n, budget.no_call)}</p> }.into_any()
                    } else if problems.is_empty() {
                        view! { <p class="ok">{t!(i18n, budget.ok)}</p> }.into_any()
                    } else {
                        view! { <ul class="problems">{problems.into_iter().map(|p| view! { <li class="field-error">{p}</li> }).collect_view()}</ul> }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
