//! The CV's steps with more than one field: personal details, experiences (work and
//! volunteering), education, languages with their CEFR levels, and skills.

use super::self_assessment::SelfAssessmentForm;
use super::*;
use sito_core::VariantArray;

pub(super) fn personal(cv: Draft) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {text_field(cv, "cv-name", t!(i18n, cv.version_name), "text", "off", |c| &c.name, |c| &mut c.name)}
        {text_field(cv, "cv-first", t!(i18n, cv.first_name), "text", "given-name", |c| &c.personal.first_name, |c| &mut c.personal.first_name)}
        {text_field(cv, "cv-last", t!(i18n, cv.last_name), "text", "family-name", |c| &c.personal.last_name, |c| &mut c.personal.last_name)}
        {text_field(cv, "cv-email", t!(i18n, cv.email), "email", "email", |c| &c.personal.email, |c| &mut c.personal.email)}
        {text_field(cv, "cv-phone", t!(i18n, cv.phone), "tel", "tel", |c| &c.personal.phone, |c| &mut c.personal.phone)}
        {text_field(cv, "cv-city", t!(i18n, cv.city), "text", "address-level2", |c| &c.personal.city, |c| &mut c.personal.city)}
        {text_field(cv, "cv-website", t!(i18n, cv.website), "url", "url", |c| &c.personal.website, |c| &mut c.personal.website)}
        <p class="check">
            <input
                id="cv-consent"
                type="checkbox"
                prop:checked=move || cv.with(|c| c.as_ref().is_some_and(|c| c.personal.consent))
                on:change=move |ev| {
                    let checked = event_target_checked(&ev);
                    edit(cv, |c| c.personal.consent = checked);
                }
            />
            <label for="cv-consent">{t!(i18n, cv.consent)}</label>
        </p>
        <p class="hint">{sito_core::cv::CONSENT_LINE}</p>
    }
}

/// One text input of item `i` of a list of the CV (an experience, a course…).
#[allow(clippy::too_many_arguments)]
fn item_input<T: Clone + Send + Sync + 'static>(
    cv: Draft,
    list: fn(&Cv) -> &Vec<T>,
    list_mut: fn(&mut Cv) -> &mut Vec<T>,
    i: usize,
    id: String,
    label: &'static str,
    kind: &'static str,
    part: fn(&mut T) -> &mut String,
) -> impl IntoView {
    view! {
        <label for=id.clone()>{label}</label>
        <input
            id=id
            type=kind
            placeholder=if kind == "month" { "AAAA-MM" } else { "" }
            prop:value=move || cv.with(|c| c.as_ref().and_then(|c| list(c).get(i).cloned()).map(|mut e| part(&mut e).clone()).unwrap_or_default())
            on:input=move |ev| {
                let value = event_target_value(&ev);
                edit(cv, |c| if let Some(e) = list_mut(c).get_mut(i) { *part(e) = value; });
            }
        />
    }
}

/// Work or volunteering: a list of experiences with add, remove and reorder.
pub(super) fn experiences(
    cv: Draft,
    prefix: &'static str,
    get: fn(&Cv) -> &Vec<Experience>,
    set: fn(&mut Cv) -> &mut Vec<Experience>,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |i: usize,
                      name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      part: fn(&mut Experience) -> &mut String| {
        item_input(
            cv,
            get,
            set,
            i,
            format!("{prefix}-{i}-{name}"),
            label,
            kind,
            part,
        )
    };
    let item = move |i: usize| {
        view! {
            {field(i, "role", t_string!(i18n, cv.role), "text", |e| &mut e.role)}
            {field(i, "organisation", t_string!(i18n, cv.organisation), "text", |e| &mut e.organisation)}
            {field(i, "city", t_string!(i18n, cv.city), "text", |e| &mut e.city)}
            {field(i, "start", t_string!(i18n, cv.start), "month", |e| &mut e.start)}
            {field(i, "end", t_string!(i18n, cv.end), "month", |e| &mut e.end)}
            <label for=format!("{prefix}-{i}-description")>{t!(i18n, cv.description)}</label>
            <textarea
                id=format!("{prefix}-{i}-description")
                rows="3"
                prop:value=move || cv.with(|c| c.as_ref().and_then(|c| get(c).get(i).map(|e| e.description.clone())).unwrap_or_default())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    edit(cv, |c| if let Some(e) = set(c).get_mut(i) { e.description = value; });
                }
            ></textarea>
        }
    };
    view! { <ListEditor cv get set item add=move || t!(i18n, cv.add)/> }
}

pub(super) fn education(cv: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let field = move |i: usize,
                      name: &'static str,
                      label: &'static str,
                      kind: &'static str,
                      part: fn(&mut Education) -> &mut String| {
        item_input(
            cv,
            |c| &c.education,
            |c| &mut c.education,
            i,
            format!("education-{i}-{name}"),
            label,
            kind,
            part,
        )
    };
    let item = move |i: usize| {
        view! {
            {field(i, "title", t_string!(i18n, cv.qualification), "text", |e| &mut e.title)}
            {field(i, "institution", t_string!(i18n, cv.institution), "text", |e| &mut e.institution)}
            {field(i, "city", t_string!(i18n, cv.city), "text", |e| &mut e.city)}
            {field(i, "start", t_string!(i18n, cv.start), "month", |e| &mut e.start)}
            {field(i, "end", t_string!(i18n, cv.end), "month", |e| &mut e.end)}
            {field(i, "description", t_string!(i18n, cv.description), "text", |e| &mut e.description)}
        }
    };
    view! {
        <ListEditor cv get=|c| &c.education set=|c| &mut c.education item add=move || t!(i18n, cv.add)/>
    }
}

pub(super) fn languages(cv: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let level = move |i: usize,
                      name: &'static str,
                      label: &'static str,
                      part: fn(&mut LanguageSkill) -> &mut Option<Cefr>| {
        let id = format!("language-{i}-{name}");
        view! {
            <label for=id.clone()>{label}</label>
            <select
                id=id
                prop:value=move || cv.with(|c| c.as_ref().and_then(|c| c.languages.get(i).cloned()).and_then(|mut l| *part(&mut l)).map_or("", <&str>::from))
                on:change=move |ev| {
                    // The empty choice: no level given, and the CV leaves the cell blank.
                    let value = event_target_value(&ev).trim().parse::<Cefr>().ok();
                    edit(cv, |c| if let Some(l) = c.languages.get_mut(i) { *part(l) = value; });
                }
            >
                <option value="">{t!(i18n, cv.level_unset)}</option>
                {Cefr::VARIANTS.iter().copied().map(|c| view! { <option value={<&'static str>::from(c)}>{<&'static str>::from(c)}</option> }).collect_view()}
            </select>
        }
    };
    let item = move |i: usize| {
        view! {
            <label for=format!("language-{i}-name")>{t!(i18n, cv.language)}</label>
            <input
                id=format!("language-{i}-name")
                prop:value=move || cv.with(|c| c.as_ref().and_then(|c| c.languages.get(i).map(|l| l.language.clone())).unwrap_or_default())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    edit(cv, |c| if let Some(l) = c.languages.get_mut(i) { l.language = value; });
                }
            />
            <div class="levels">
                {level(i, "listening", t_string!(i18n, cv.listening), |l| &mut l.listening)}
                {level(i, "reading", t_string!(i18n, cv.reading), |l| &mut l.reading)}
                {level(i, "interaction", t_string!(i18n, cv.interaction), |l| &mut l.interaction)}
                {level(i, "production", t_string!(i18n, cv.production), |l| &mut l.production)}
                {level(i, "writing", t_string!(i18n, cv.writing), |l| &mut l.writing)}
            </div>
        }
    };
    view! {
        {list_field(cv, "cv-mother", t!(i18n, cv.mother_tongues), |c| &c.mother_tongues, |c| &mut c.mother_tongues)}
        <ListEditor cv get=|c| &c.languages set=|c| &mut c.languages item add=move || t!(i18n, cv.add_language)/>
        <p class="hint">{t!(i18n, cv.cefr_hint)}</p>
    }
}

pub(super) fn skills(cv: Draft) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {list_field(cv, "cv-digital", t!(i18n, cv.digital), |c| &c.digital_skills, |c| &mut c.digital_skills)}
        {area_field(cv, "cv-other", t!(i18n, cv.other_skills), |c| &c.other_skills, |c| &mut c.other_skills)}
        {list_field(cv, "cv-licence", t!(i18n, cv.licence), |c| &c.driving_licence, |c| &mut c.driving_licence)}
        <SelfAssessmentForm cv/>
    }
}
