//! The profile form: every field optional, prefilled from the latest CV on the phone, checked
//! by core's `Profile::validate` with the message beside its field, kept as typed on an error.

use leptos::{prelude::*, task::spawn_local};
use sito_core::{
    cv::Cefr,
    matching::{profile_from_cv, Education, Language, Profile, Reach, Sector, Spoken},
    District, OpportunityKind, ValidationErrors, VariantArray,
};

use crate::{i18n::*, labels, save_problem::written, store};

/// The Italian or the English of a core label, as the reader's locale says.
fn pick(
    i18n: leptos_i18n::I18nContext<Locale>,
    it: &'static str,
    en: &'static str,
) -> &'static str {
    match i18n.get_locale() {
        Locale::it => it,
        Locale::en => en,
    }
}

fn text_of<T: Into<&'static str>>(value: Option<T>) -> String {
    value.map(|v| v.into().to_owned()).unwrap_or_default()
}

#[component]
pub fn ProfileForm(
    /// The profile kept on the phone, or `None` to start from the latest CV.
    start: Option<Profile>,
    /// Called with the profile once it is kept.
    saved: Callback<Profile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let district = RwSignal::new(String::new());
    let reach = RwSignal::new(<&str>::from(Reach::default()).to_owned());
    let age = RwSignal::new(String::new());
    let kinds = RwSignal::new(Vec::<OpportunityKind>::new());
    let sectors = RwSignal::new(Vec::<Sector>::new());
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let languages = RwSignal::new(Vec::<Spoken>::new());
    let education = RwSignal::new(String::new());
    let skills = RwSignal::new(String::new());
    let cv_name = RwSignal::new(None::<String>);
    let errors = RwSignal::new(ValidationErrors::default());

    let fill = move |p: Profile| {
        district.set(text_of(p.district));
        reach.set(<&str>::from(p.reach).to_owned());
        age.set(p.age.map(|a| a.to_string()).unwrap_or_default());
        kinds.set(p.kinds);
        sectors.set(p.sectors);
        from.set(p.available_from.map(|d| d.to_string()).unwrap_or_default());
        until.set(p.available_until.map(|d| d.to_string()).unwrap_or_default());
        languages.set(p.languages);
        education.set(text_of(p.education));
        skills.set(p.skills.join("\n"));
    };
    match start {
        Some(profile) => fill(profile),
        None => {
            // The latest CV, read after the first render.
            Effect::new(move |_| {
                spawn_local(async move {
                    let Ok(store) = store::shared().await else {
                        return;
                    };
                    if let Some(cv) = store.cvs().await.ok().and_then(|c| c.into_iter().next()) {
                        fill(profile_from_cv(&cv));
                        cv_name.set(Some(cv.name));
                    }
                });
            });
        }
    }

    // A field's message, or that of an item in it ("skills.2" shows beside the skills).
    let error_for = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.0.iter().find(|e| e.field.head() == Some(field)).map(|e| e.message.clone()))
                .map(|m| view! { <p class="field-error" id=format!("per-te-{field}-errore")>{m}</p> })
        }
    };
    let invalid = move |field: &'static str| {
        move || {
            errors
                .with(|e| e.0.iter().any(|e| e.field.head() == Some(field)))
                .then_some("true")
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = ValidationErrors::default();
        let typed_age = age.get_untracked();
        let parsed_age = typed_age.trim().parse::<u8>().ok();
        if !typed_age.trim().is_empty() && parsed_age.is_none() {
            found.push("age", "not_a_number", t_string!(i18n, for_you.age_invalid));
        }
        let date = |s: RwSignal<String>| s.get_untracked().parse().ok();
        let profile = Profile {
            district: district.get_untracked().parse::<District>().ok(),
            reach: reach.get_untracked().parse().unwrap_or_default(),
            age: parsed_age,
            kinds: kinds.get_untracked(),
            sectors: sectors.get_untracked(),
            available_from: date(from),
            available_until: date(until),
            languages: languages.get_untracked(),
            education: education.get_untracked().parse::<Education>().ok(),
            skills: skills
                .get_untracked()
                .lines()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        };
        if let Err(more) = profile.validate() {
            found.0.extend(more.0);
        }
        if !found.is_empty() {
            errors.set(found);
            return;
        }
        errors.set(ValidationErrors::default());
        spawn_local(async move {
            if let Ok(store) = store::shared().await {
                if written(store.put_for_you(&profile, Vec::new()).await).is_some() {
                    saved.run(profile);
                }
            }
        });
    };

    let checkbox_list = move |legend: &'static str, boxes: AnyView| {
        view! {
            <fieldset class="choices">
                <legend>{legend}</legend>
                {boxes}
            </fieldset>
        }
    };

    view! {
        <section aria-labelledby="per-te-profilo">
            <h2 id="per-te-profilo">{t!(i18n, for_you.profile)}</h2>
            {move || cv_name.get().map(|name| view! {
                <p class="notice" data-testid="per-te-dal-cv">{t!(i18n, for_you.from_cv, name = name)}</p>
            })}
            <form class="stack" on:submit=submit novalidate>
                <label for="per-te-district">{t!(i18n, for_you.district)}</label>
                {error_for("district")}
                <select id="per-te-district" prop:value=move || district.get()
                    on:change=move |ev| district.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, for_you.no_district)}</option>
                    {[District::Cremona, District::Crema, District::Casalmaggiore].into_iter()
                        .map(|d| view! { <option value={<&'static str>::from(d)}>{move || labels::district(i18n, d)}</option> })
                        .collect_view()}
                </select>
                <label for="per-te-reach">{t!(i18n, for_you.reach)}</label>
                <select id="per-te-reach" prop:value=move || reach.get()
                    on:change=move |ev| reach.set(event_target_value(&ev))>
                    {Reach::VARIANTS.iter().copied()
                        .map(|r| view! { <option value={<&'static str>::from(r)}>{move || pick(i18n, r.label_it(), r.label_en())}</option> })
                        .collect_view()}
                </select>
                <label for="per-te-age">{t!(i18n, for_you.age)}</label>
                {error_for("age")}
                <input id="per-te-age" inputmode="numeric" autocomplete="off" size="4"
                    prop:value=move || age.get()
                    on:input=move |ev| age.set(event_target_value(&ev))
                    aria-invalid=invalid("age")/>
                {move || checkbox_list(t_string!(i18n, for_you.kinds), OpportunityKind::VARIANTS.iter().copied()
                    .map(|k| {
                        let id = format!("per-te-tipo-{}", k.as_ref());
                        view! {
                            <label class="check">
                                <input type="checkbox" id=id
                                    prop:checked=move || kinds.with(|ks| ks.contains(&k))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        kinds.update(|ks| { ks.retain(|x| *x != k); if on { ks.push(k); } });
                                    }/>
                                " " {labels::kind(i18n, k)}
                            </label>
                        }
                    })
                    .collect_view().into_any())}
                {move || checkbox_list(t_string!(i18n, for_you.sectors), Sector::VARIANTS.iter().copied()
                    .map(|s| {
                        let id = format!("per-te-settore-{}", s.as_ref());
                        view! {
                            <label class="check">
                                <input type="checkbox" id=id
                                    prop:checked=move || sectors.with(|ss| ss.contains(&s))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        sectors.update(|ss| { ss.retain(|x| *x != s); if on { ss.push(s); } });
                                    }/>
                                " " {pick(i18n, s.label_it(), s.label_en())}
                            </label>
                        }
                    })
                    .collect_view().into_any())}
                <label for="per-te-from">{t!(i18n, for_you.available_from)}</label>
                <input id="per-te-from" type="date" prop:value=move || from.get()
                    on:change=move |ev| from.set(event_target_value(&ev))/>
                <label for="per-te-until">{t!(i18n, for_you.available_until)}</label>
                {error_for("available_until")}
                <input id="per-te-until" type="date" prop:value=move || until.get()
                    on:change=move |ev| until.set(event_target_value(&ev))
                    aria-invalid=invalid("available_until")/>
                <fieldset class="choices">
                    <legend>{t!(i18n, for_you.languages)}</legend>
                    {move || languages.get().into_iter().enumerate().map(|(i, spoken)| {
                        let language_id = format!("per-te-lingua-{i}");
                        let level_id = format!("per-te-livello-{i}");
                        view! {
                            <div class="language-row">
                                {error_for_index(errors, i)}
                                <label for=language_id.clone()>{t!(i18n, for_you.language)}</label>
                                <select id=language_id prop:value={<&str>::from(spoken.language)}
                                    on:change=move |ev| {
                                        if let Ok(l) = event_target_value(&ev).parse::<Language>() {
                                            languages.update(|ls| ls[i].language = l);
                                        }
                                    }>
                                    {Language::VARIANTS.iter().copied()
                                        .map(|l| view! { <option value={<&'static str>::from(l)} selected=l == spoken.language>{pick(i18n, l.label_it(), l.label_en())}</option> })
                                        .collect_view()}
                                </select>
                                <label for=level_id.clone()>{t!(i18n, for_you.level)}</label>
                                <select id=level_id prop:value={<&str>::from(spoken.level)}
                                    on:change=move |ev| {
                                        if let Ok(c) = event_target_value(&ev).parse::<Cefr>() {
                                            languages.update(|ls| ls[i].level = c);
                                        }
                                    }>
                                    {Cefr::VARIANTS.iter().copied()
                                        .map(|c| view! { <option value={<&'static str>::from(c)} selected=c == spoken.level>{<&'static str>::from(c)}</option> })
                                        .collect_view()}
                                </select>
                                <button type="button" class="link"
                                    on:click=move |_| languages.update(|ls| { ls.remove(i); })>
                                    {t_string!(i18n, for_you.remove_language, language = pick(i18n, spoken.language.label_it(), spoken.language.label_en())).to_string()}
                                </button>
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" class="secondary" on:click=move |_| languages.update(|ls| {
                        let next = Language::VARIANTS.iter().copied()
                            .find(|l| !ls.iter().any(|s| s.language == *l))
                            .unwrap_or(Language::English);
                        ls.push(Spoken { language: next, level: Cefr::B1 });
                    })>{t!(i18n, for_you.add_language)}</button>
                </fieldset>
                <label for="per-te-education">{t!(i18n, for_you.education)}</label>
                <select id="per-te-education" prop:value=move || education.get()
                    on:change=move |ev| education.set(event_target_value(&ev))>
                    <option value="">{t!(i18n, for_you.no_education)}</option>
                    {Education::VARIANTS.iter().copied()
                        .map(|e| view! { <option value={<&'static str>::from(e)}>{move || pick(i18n, e.label_it(), e.label_en())}</option> })
                        .collect_view()}
                </select>
                <label for="per-te-skills">{t!(i18n, for_you.skills)}</label>
                <p class="hint" id="per-te-skills-aiuto">{t!(i18n, for_you.skills_hint)}</p>
                {error_for("skills")}
                <textarea id="per-te-skills" rows="4" aria-describedby="per-te-skills-aiuto"
                    prop:value=move || skills.get()
                    on:input=move |ev| skills.set(event_target_value(&ev))
                    aria-invalid=invalid("skills")></textarea>
                <button type="submit" class="action">{t!(i18n, for_you.save)}</button>
            </form>
        </section>
    }
}

/// The message of the `i`th language row, if it has one.
fn error_for_index(errors: RwSignal<ValidationErrors>, i: usize) -> impl IntoView {
    move || {
        errors
            .with(|e| {
                e.for_field(format!("languages.{i}").as_str())
                    .map(|e| e.message.clone())
            })
            .map(|m| view! { <p class="field-error">{m}</p> })
    }
}
