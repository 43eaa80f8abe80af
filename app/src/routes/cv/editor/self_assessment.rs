//! "Che cosa ho imparato": the self-assessment grid after a lab or volunteering (seed 002 §6),
//! on the skills step. Nothing leaves the phone: "Aggiungi al CV" keeps it with the CV and adds
//! its text to the other skills (`Cv::add_self_assessment`).

use sito_core::{
    cv::self_assessment::{SelfAssessment, SkillLevel, SoftSkill},
    ValidationErrors, VariantArray,
};

use super::*;

fn skill_label(i18n: leptos_i18n::I18nContext<Locale>, skill: SoftSkill) -> &'static str {
    match skill {
        SoftSkill::Communication => t_string!(i18n, cv.assess.communication),
        SoftSkill::Teamwork => t_string!(i18n, cv.assess.teamwork),
        SoftSkill::Organisation => t_string!(i18n, cv.assess.organisation),
        SoftSkill::ProblemSolving => t_string!(i18n, cv.assess.problem_solving),
        SoftSkill::TimeManagement => t_string!(i18n, cv.assess.time_management),
        SoftSkill::Leadership => t_string!(i18n, cv.assess.leadership),
        SoftSkill::Listening => t_string!(i18n, cv.assess.listening),
    }
}

fn level_label(i18n: leptos_i18n::I18nContext<Locale>, level: SkillLevel) -> &'static str {
    match level {
        SkillLevel::Basic => t_string!(i18n, cv.assess.basic),
        SkillLevel::Good => t_string!(i18n, cv.assess.good),
        SkillLevel::Strong => t_string!(i18n, cv.assess.strong),
    }
}

#[component]
pub(super) fn SelfAssessmentForm(cv: Draft) -> impl IntoView {
    let i18n = use_i18n();
    let grid = RwSignal::new(SelfAssessment::blank(""));
    let errors = RwSignal::new(ValidationErrors::default());
    let added = RwSignal::new(false);
    let error_for = move |field: String| {
        let id = format!("self-{}-error", field.replace('.', "-"));
        move || {
            errors
                .with(|e| e.for_field(field.as_str()).map(|e| e.message.clone()))
                .map(|m| view! { <p class="field-error" id=id.clone()>{m}</p> })
        }
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let assessment = grid.get_untracked();
        if let Err(found) = assessment.validate() {
            errors.set(found);
            added.set(false);
            return;
        }
        errors.set(ValidationErrors::default());
        edit(cv, |c| {
            let _ = c.add_self_assessment(assessment);
        });
        grid.set(SelfAssessment::blank(""));
        added.set(true);
    };
    let row = move |i: usize, skill: SoftSkill| {
        let level_id = format!("self-{i}-level");
        let words_id = format!("self-{i}-words");
        view! {
            <fieldset class="self-skill">
                <legend>{move || skill_label(i18n, skill)}</legend>
                <label for=level_id.clone()>{t!(i18n, cv.assess.level)}</label>
                {error_for(format!("ratings.{i}.level"))}
                <select
                    id=level_id
                    prop:value=move || grid.with(|g| g.ratings[i].level.map_or("", <&'static str>::from))
                    on:change=move |ev| {
                        let level = event_target_value(&ev).parse::<SkillLevel>().ok();
                        grid.update(|g| g.ratings[i].level = level);
                    }
                >
                    <option value="">{t!(i18n, cv.assess.not_practised)}</option>
                    {SkillLevel::VARIANTS.iter().copied()
                        .map(|l| view! { <option value={<&'static str>::from(l)}>{move || level_label(i18n, l)}</option> })
                        .collect_view()}
                </select>
                <label for=words_id.clone()>{t!(i18n, cv.assess.words)}</label>
                {error_for(format!("ratings.{i}.words"))}
                <textarea
                    id=words_id
                    rows="2"
                    prop:value=move || grid.with(|g| g.ratings[i].words.clone())
                    on:input=move |ev| {
                        let words = event_target_value(&ev);
                        grid.update(|g| g.ratings[i].words = words);
                    }
                ></textarea>
            </fieldset>
        }
    };
    view! {
        <section aria-labelledby="imparato" class="self-assessment">
            <h2 id="imparato">{t!(i18n, cv.assess.title)}</h2>
            <p class="hint">{t!(i18n, cv.assess.intro)}</p>
            <form class="stack" on:submit=add novalidate>
                <label for="self-experience">{t!(i18n, cv.assess.experience)}</label>
                {error_for("experience".to_owned())}
                <input
                    id="self-experience"
                    autocomplete="off"
                    prop:value=move || grid.with(|g| g.experience.clone())
                    on:input=move |ev| {
                        let experience = event_target_value(&ev);
                        grid.update(|g| g.experience = experience);
                    }
                />
                {SoftSkill::VARIANTS.iter().copied().enumerate().map(|(i, s)| row(i, s)).collect_view()}
                {error_for("ratings".to_owned())}
                <button type="submit" class="action">{t!(i18n, cv.assess.add)}</button>
                <p role="status">{move || added.get().then(|| t_string!(i18n, cv.assess.added))}</p>
            </form>
            {move || {
                let kept = cv.with(|c| c.as_ref().map(|c| c.self_assessments.clone()).unwrap_or_default());
                (!kept.is_empty()).then(|| view! {
                    <h3>{t!(i18n, cv.assess.kept)}</h3>
                    <ul data-testid="self-assessments">
                        {kept.into_iter().map(|a| view! { <li>{a.experience}</li> }).collect_view()}
                    </ul>
                })
            }}
        </section>
    }
}
