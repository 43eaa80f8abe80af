use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::A, hooks::use_params_map};
use sito_core::VariantArray;
use sito_core::{ContentKind, GuideArea};

use crate::{
    components::{Provenance, SaveButton, ShareButton, WithCatalog},
    i18n::*,
    labels,
    save_problem::written,
    store,
};

/// The guides of the three areas of the plan.
#[component]
pub fn GuideHub() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{t!(i18n, guides.title)}</h1>
        <p>{t!(i18n, guides.intro)}</p>
        <WithCatalog render=move |catalog| {
            GuideArea::VARIANTS.iter().copied()
                .map(|area| {
                    let guides: Vec<_> = catalog.guides.iter().filter(|g| g.area == area).cloned().collect();
                    view! {
                        <section id={<&'static str>::from(area)} aria-labelledby=format!("h-{}", area.as_ref())>
                            <h2 id=format!("h-{}", area.as_ref())>{move || labels::area(i18n, area)}</h2>
                            <ul class="cards">
                                {guides
                                    .into_iter()
                                    .map(|g| {
                                        let steps = g.steps.len();
                                        view! {
                                            <li class="card">
                                                <h3><A href=format!("/guide/{}", g.id)>{g.title}</A></h3>
                                                <p>{g.summary}</p>
                                                {(steps > 0).then(|| view! {
                                                    <p class="meta">
                                                        {move || t_string!(i18n, guides.steps_count, n = steps).to_string()}
                                                    </p>
                                                })}
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()
        }/>
    }
}

/// One guide, with its tutorial steps to tick off; ticks stay on the device.
#[component]
pub fn GuideReader() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let ticked = RwSignal::new(Vec::<u32>::new());
    // An effect, not a resource: it runs after hydration, so the first render is the server's;
    // the ticks read for a guide already left are dropped.
    Effect::new(move |_| {
        let asked = id.get();
        spawn_local(async move {
            if let Ok(store) = store::shared().await {
                if let Ok(steps) = store.ticked_steps(&asked).await {
                    if id.with_untracked(|now| *now == asked) {
                        ticked.set(steps);
                    }
                }
            }
        });
    });
    let tick = move |step: u32, done: bool| {
        ticked.update(|t| {
            t.retain(|s| *s != step);
            if done {
                t.push(step);
            }
        });
        let id = id.get_untracked();
        spawn_local(async move {
            if let Some(store) = written(store::shared().await) {
                written(store.set_step(&id, step, done).await);
            }
        });
    };
    view! {
        <WithCatalog render=move |catalog| {
            move || {
                let Some(g) = catalog.guides.iter().find(|g| g.id == id.get()).cloned() else {
                    return view! {
                        <h1>{t!(i18n, guides.not_found)}</h1>
                        <p><A href="/guide">{t!(i18n, guides.back)}</A></p>
                    }
                        .into_any();
                };
                let total = g.steps.len();
                let area = g.area;
                view! {
                    <article class="detail">
                        <p class="kind"><A href=format!("/guide#{}", area.as_ref())>{move || labels::area(i18n, area)}</A></p>
                        <h1>{g.title.clone()}</h1>
                        <p class="summary">{g.summary.clone()}</p>
                        <div class="actions">
                            <SaveButton kind=ContentKind::Guide id=g.id.clone()/>
                            <ShareButton title=g.title.clone() text=g.summary.clone() path=format!("/guide/{}", g.id)/>
                        </div>
                        <div class="prose" lang="it" inner_html=g.body_html.clone()></div>
                        {(total > 0).then(|| view! {
                            <section class="tutorial" aria-labelledby="tutorial">
                                <h2 id="tutorial">{t!(i18n, guides.tutorial)}</h2>
                                <p role="status" data-testid="progress">
                                    {move || t_string!(i18n, guides.progress, done = ticked.with(Vec::len), total = total).to_string()}
                                </p>
                                <ol class="steps">
                                    {g.steps
                                        .iter()
                                        .enumerate()
                                        .map(|(i, step)| {
                                            let n = i as u32;
                                            let input_id = format!("passo-{i}");
                                            view! {
                                                <li>
                                                    <div class="step-head">
                                                        <input
                                                            type="checkbox"
                                                            id=input_id.clone()
                                                            prop:checked=move || ticked.with(|t| t.contains(&n))
                                                            on:change=move |ev| tick(n, event_target_checked(&ev))
                                                        />
                                                        <label for=input_id>{step.title.clone()}</label>
                                                    </div>
                                                    <div class="prose" lang="it" inner_html=step.body_html.clone()></div>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ol>
                            </section>
                        })}
                        <Provenance published_by=g.published_by.clone() updated_at=g.updated_at/>
                    </article>
                }
                    .into_any()
            }
        }/>
    }
}
