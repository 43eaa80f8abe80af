//! The printable CV: one A4 sheet (print CSS in style.css), in the Europass order.

use chrono::NaiveDate;
use leptos::prelude::*;
use sito_core::cv::{Cefr, Cv, Experience, YearMonth, CONSENT_LINE};

use crate::{dates::month_year, i18n::*};

/// A month as a CV writes it, "giugno 2025"; what is not a month stays as typed.
fn month(text: &str, locale: Locale) -> String {
    YearMonth::parse(text)
        .and_then(|m| NaiveDate::from_ymd_opt(m.year.into(), m.month.into(), 1))
        .map_or_else(|| text.trim().to_owned(), |d| month_year(d, locale))
}

fn period(start: &str, end: &str, ongoing: &str, locale: Locale) -> String {
    match (start.trim(), end.trim()) {
        ("", "") => String::new(),
        (s, "") => format!("{} – {ongoing}", month(s, locale)),
        ("", e) => month(e, locale),
        (s, e) => format!("{} – {}", month(s, locale), month(e, locale)),
    }
}

fn level(level: Option<Cefr>) -> &'static str {
    level.map_or("", <&str>::from)
}

fn experience_list(items: Vec<Experience>, ongoing: String, locale: Locale) -> impl IntoView {
    items
        .into_iter()
        .map(|e| {
            let when = period(&e.start, &e.end, &ongoing, locale);
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
    let locale = i18n.get_locale_untracked();
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
                <section><h3>{t!(i18n, cv.step3)}</h3>{experience_list(cv.work.clone(), ongoing.clone(), locale)}</section>
            })}
            {(!cv.education.is_empty()).then(|| view! {
                <section>
                    <h3>{t!(i18n, cv.step4)}</h3>
                    {cv.education.clone().into_iter().map(|e| {
                        let when = period(&e.start, &e.end, &ongoing, locale);
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
                        <p><strong>{t!(i18n, cv.sheet_mother_tongues)}</strong> ": " {cv.mother_tongues.join(", ")}</p>
                    })}
                    {(!cv.languages.is_empty()).then(|| view! {
                        // Six columns do not fit a narrow phone: the table scrolls in its own region.
                        <div class="table-wrap" tabindex="0" role="region" aria-label=move || t_string!(i18n, cv.step5)>
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
                                        <td>{level(l.listening)}</td>
                                        <td>{level(l.reading)}</td>
                                        <td>{level(l.interaction)}</td>
                                        <td>{level(l.production)}</td>
                                        <td>{level(l.writing)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        </div>
                    })}
                </section>
            })}
            {(!cv.digital_skills.is_empty() || !cv.other_skills.is_empty() || !cv.driving_licence.is_empty()).then(|| view! {
                <section>
                    <h3>{t!(i18n, cv.step6)}</h3>
                    {(!cv.digital_skills.is_empty()).then(|| view! { <p><strong>{t!(i18n, cv.sheet_digital)}</strong> ": " {cv.digital_skills.join(", ")}</p> })}
                    {(!cv.other_skills.is_empty()).then(|| view! { <p class="cv-desc">{cv.other_skills.clone()}</p> })}
                    {(!cv.driving_licence.is_empty()).then(|| view! { <p><strong>{t!(i18n, cv.sheet_licence)}</strong> ": " {cv.driving_licence.join(", ")}</p> })}
                </section>
            })}
            {(!cv.volunteering.is_empty()).then(|| view! {
                <section><h3>{t!(i18n, cv.volunteering)}</h3>{experience_list(cv.volunteering.clone(), ongoing.clone(), locale)}</section>
            })}
            {(!cv.interests.is_empty()).then(|| view! {
                <section><h3>{t!(i18n, cv.interests)}</h3><p class="cv-desc">{cv.interests.clone()}</p></section>
            })}
            {cv.personal.consent.then(|| view! { <p class="cv-consent">{CONSENT_LINE}</p> })}
        </article>
    }
}
