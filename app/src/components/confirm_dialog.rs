//! A button for something that cannot be undone ("Elimina bozza", "Ritira la proposta",
//! "Cancella tutto"): pressed, it turns into the question, with a yes and a no.

use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    /// Whether the question shows; the caller closes it once what "yes" started is over.
    open: RwSignal<bool>,
    /// The question's element id, named by the dialog's `aria-labelledby`.
    id: &'static str,
    /// The classes of the question's box (`"notice error"`, `"notice"`).
    class: &'static str,
    /// The button that asks.
    #[prop(into)]
    ask: ViewFn,
    /// The question.
    #[prop(into)]
    question: ViewFn,
    /// The button that does it.
    #[prop(into)]
    yes: ViewFn,
    /// The button that closes the question.
    #[prop(into)]
    no: ViewFn,
    /// What "yes" does.
    #[prop(into)]
    on_yes: Callback<()>,
) -> impl IntoView {
    move || {
        if open.get() {
            view! {
                <div class=class role="alertdialog" aria-labelledby=id>
                    <p id=id>{question.run()}</p>
                    <button type="button" class="danger" on:click=move |_| on_yes.run(())>{yes.run()}</button>
                    " "
                    <button type="button" class="secondary" on:click=move |_| open.set(false)>{no.run()}</button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="secondary" on:click=move |_| open.set(true)>{ask.run()}</button>
            }
            .into_any()
        }
    }
}
