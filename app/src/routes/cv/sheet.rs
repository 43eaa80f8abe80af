//! The printable CV: one A4 sheet (print CSS in style.css), in the Europass order.

use leptos::prelude::*;
use sito_core::cv::{Cv, Experience, CONSENT_LINE};

use crate::i18n::*;

fn period(start: &str, end: &str, ongoing: &str) -> String {
    match (start.trim(), end.trim()) {
        ("", "") => String::new(),
        (s, "") => format!("{s} – {ongoing}"),
        (s, e) => format!("{s} – {e}"),
    }
}

fn experience_list(items: Vec<Experience>, ongoing: String) -> impl IntoView {
    items
        .into_iter()
        .map(|e| {
            let when = period(&e.start, &e.end, &ongoing);
            view! {
                <div class="cv-entry">
                    <p class="cv-when">{when}</p>
                    <div>
                        <p class="cv-what"><strong>{e.role}</strong> " · " {e.organisation} {(!e.city.is_empty()).then(|| format!(", {}", e.city))}</p>
                        <p class="cv-desc">{e.description}</p>
                    </div>
                </div>
            }
        })
        .collect_view()
}

#[component]
pub fn CvSheet(cv: Cv) -> impl IntoView {
    let i18n = use_i18n();
    let ongoing = t_string!(i18n, cv.ongoing).to_owned();
    let contacts = [
        cv.personal.phone.clone(),
        cv.personal.email.clone(),
        cv.personal.city.clone(),
        cv.personal.website.clone(),
    ]
    .into_iter()
    .filter(|c| !c.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    let name = cv.full_name();
    view! {
        <article class="cv-sheet" data-testid="cv-sheet" lang="it">
            <header class="cv-head">
                <h2 class="cv-name">{name}</h2>
                <p>{contacts}</p>
            </header>
            {(!cv.profile.is_empty()).then(|| view! {
                <section><h3>{t!(i18n, cv.profile)}</h3><p class="cv-desc">{cv.profile.clone()}</p></section>
            })}
            {(!cv.work.is_empty()).then(|| view! {
                <section><h3>{t!(i18n, cv.step3)}</h3>{experience_list(cv.work.clone(), ongoing.clone())}</section>
            })}
            {(!cv.education.is_empty()).then(|| view! {
                <section>
                    <h3>{t!(i18n, cv.step4)}</h3>
                    {cv.education.clone().into_iter().map(|e| {
                        let when = period(&e.start, &e.end, &ongoing);
                        view! {
                            <div class="cv-entry">
                                <p class="cv-when">{when}</p>
                                <div>
                                    <p class="cv-what"><strong>{e.title}</strong> " · " {e.institution} {(!e.city.is_empty()).then(|| format!(", {}", e.city))}</p>
                                    <p class="cv-desc">{e.description}</p>
                                </div>
                            </div>
                        }
                    }).collect_view()}
                </section>
            })}
            {(!cv.mother_tongues.is_empty() || !cv.languages.is_empty()).then(|| view! {
                <section>
                    <h3>{t!(i18n, cv.step5)}</h3>
                    {(!cv.mother_tongues.is_empty()).then(|| view! {
                        <p><strong>{t!(i18n, cv.mother_tongues)}</strong> ": " {cv.mother_tongues.join(", ")}</p>
                    })}
                    {(!cv.languages.is_empty()).then(|| view! {
                        <table class="cv-cefr">
                            <thead><tr>
                                <th scope="col">{t!(i18n, cv.language)}</th>
                                <th scope="col">{t!(i18n, cv.listening)}</th>
                                <th scope="col">{t!(i18n, cv.reading)}</th>
                                <th scope="col">{t!(i18n, cv.interaction)}</th>
                                <th scope="col">{t!(i18n, cv.production)}</th>
                                <th scope="col">{t!(i18n, cv.writing)}</th>
                            </tr></thead>
                            <tbody>
                                {cv.languages.clone().into_iter().map(|l| view! {
                                    <tr>
                                        <th scope="row">{l.language}</th>
                                        <td>{l.listening.as_str()}</td>
                                        <td>{l.reading.as_str()}</td>
                                        <td>{l.interaction.as_str()}</td>
                                        <td>{l.production.as_str()}</td>
                                        <td>{l.writing.as_str()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    })}
                </section>
            })}
            {(!cv.digital_skills.is_empty() || !cv.other_skills.is_empty() || !cv.driving_licence.is_empty()).then(|| view! {
                <section>
                    <h3>{t!(i18n, cv.step6)}</h3>
                    {(!cv.digital_skills.is_empty()).then(|| view! { <p><strong>{t!(i18n, cv.digital)}</strong> ": " {cv.digital_skills.join(", ")}</p> })}
                    {(!cv.other_skills.is_empty()).then(|| view! { <p class="cv-desc">{cv.other_skills.clone()}</p> })}
                    {(!cv.driving_licence.is_empty()).then(|| view! { <p><strong>{t!(i18n, cv.licence)}</strong> ": " {cv.driving_licence.join(", ")}</p> })}
                </section>
            })}
            {(!cv.volunteering.is_empty()).then(|| view! {
                <section><h3>{t!(i18n, cv.volunteering)}</h3>{experience_list(cv.volunteering.clone(), ongoing.clone())}</section>
            })}
            {(!cv.interests.is_empty()).then(|| view! {
                <section><h3>{t!(i18n, cv.interests)}</h3><p class="cv-desc">{cv.interests.clone()}</p></section>
            })}
            {cv.personal.consent.then(|| view! { <p class="cv-consent">{CONSENT_LINE}</p> })}
        </article>
    }
}
