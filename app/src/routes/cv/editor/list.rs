//! A list of the CV (work, volunteering, education, languages): each item in its own numbered
//! fieldset with its fields, up, down and remove; "Aggiungi" at the end.

use super::*;

#[component]
pub(super) fn ListEditor<T, F, V>(
    cv: Draft,
    /// The list in the CV.
    get: fn(&Cv) -> &Vec<T>,
    set: fn(&mut Cv) -> &mut Vec<T>,
    /// The fields of item `i`.
    item: F,
    /// The add button's words.
    #[prop(into)]
    add: ViewFn,
) -> impl IntoView
where
    T: Default + 'static,
    F: Fn(usize) -> V + Copy + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let len = Memo::new(move |_| cv.with(|c| c.as_ref().map_or(0, |c| get(c).len())));
    view! {
        <For each=move || 0..len.get() key=|i| *i let:i>
            <fieldset class="item">
                <legend>{move || t_string!(i18n, cv.item, n = i + 1).to_string()}</legend>
                {item(i)}
                <ItemButtons cv i count=len move_up=move |c: &mut Cv, up| move_item(set(c), i, up) remove=move |c: &mut Cv| { set(c).remove(i); }/>
            </fieldset>
        </For>
        <button type="button" class="action" on:click=move |_| edit(cv, |c| set(c).push(T::default()))>
            {add.run()}
        </button>
    }
}

/// Up, down and remove for item `i` of a list.
#[component]
fn ItemButtons(
    cv: Draft,
    i: usize,
    count: Memo<usize>,
    move_up: impl Fn(&mut Cv, bool) + Copy + Send + Sync + 'static,
    remove: impl Fn(&mut Cv) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="item-buttons">
            <button type="button" class="secondary" disabled={move || i == 0} on:click=move |_| edit(cv, |c| move_up(c, true))>
                {t!(i18n, cv.up)}<span class="visually-hidden">{format!(" ({})", i + 1)}</span>
            </button>
            <button type="button" class="secondary" disabled={move || i + 1 >= count.get()} on:click=move |_| edit(cv, |c| move_up(c, false))>
                {t!(i18n, cv.down)}<span class="visually-hidden">{format!(" ({})", i + 1)}</span>
            </button>
            <button type="button" class="secondary" on:click=move |_| edit(cv, remove)>
                {t!(i18n, cv.remove)}<span class="visually-hidden">{format!(" ({})", i + 1)}</span>
            </button>
        </div>
    }
}
