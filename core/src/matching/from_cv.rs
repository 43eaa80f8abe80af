//! A profile prefilled from a CV on the phone: languages, education, skills and, when the
//! town of residence is one the profile knows, the district. The young person reviews it
//! before it is kept.

use crate::{
    cv::{Cefr, Cv},
    opportunity::District,
    search::fold,
};

use super::{detect, Language, Profile, Spoken, SKILLS_MAX, SKILL_LEN_MAX};

/// Towns of residence read as a district: the three district towns and the larger towns of
/// each district. Any other town leaves the district for the young person to choose.
const TOWNS: &[(&str, District)] = &[
    ("cremona", District::Cremona),
    ("soresina", District::Cremona),
    ("pizzighettone", District::Cremona),
    ("castelverde", District::Cremona),
    ("casalbuttano ed uniti", District::Cremona),
    ("crema", District::Crema),
    ("castelleone", District::Crema),
    ("pandino", District::Crema),
    ("rivolta d'adda", District::Crema),
    ("soncino", District::Crema),
    ("spino d'adda", District::Crema),
    ("offanengo", District::Crema),
    ("casalmaggiore", District::Casalmaggiore),
    ("piadena drizzona", District::Casalmaggiore),
    ("san giovanni in croce", District::Casalmaggiore),
];

/// What the CV says that a profile uses. Nothing else of the CV is read.
pub fn profile_from_cv(cv: &Cv) -> Profile {
    let mut profile = Profile::default();
    let city = fold(cv.personal.city.trim());
    profile.district = TOWNS.iter().find(|(t, _)| *t == city).map(|(_, d)| *d);
    for tongue in &cv.mother_tongues {
        if let Some(language) = Language::from_name(tongue) {
            push_language(&mut profile, language, Cefr::C2);
        }
    }
    for skill in &cv.languages {
        let lowest = skill.levels().into_iter().flatten().min();
        if let (Some(language), Some(level)) = (Language::from_name(&skill.language), lowest) {
            push_language(&mut profile, language, level);
        }
    }
    profile.education = cv
        .education
        .iter()
        .filter_map(|e| highest_named(&e.title))
        .max();
    let mut skills: Vec<String> = Vec::new();
    let other = cv.other_skills.split([',', ';', '\n']);
    let licences = cv
        .driving_licence
        .iter()
        .map(|l| format!("patente {}", l.trim()));
    for skill in cv
        .digital_skills
        .iter()
        .map(|s| s.trim().to_owned())
        .chain(other.map(|s| s.trim().to_owned()))
        .chain(licences)
    {
        let skill: String = skill.chars().take(SKILL_LEN_MAX).collect();
        let fresh = !skills.iter().any(|s| fold(s) == fold(&skill));
        if !skill.trim().is_empty() && fresh && skills.len() < SKILLS_MAX {
            skills.push(skill);
        }
    }
    profile.skills = skills;
    profile
}

/// The highest level a qualification's title names ("Laurea magistrale in …" is a master's).
fn highest_named(title: &str) -> Option<super::Education> {
    // The scan keeps the lowest level of a listing's alternatives; a title names one level,
    // so each word is read alone, and "magistrale" raises the degree before it.
    let folded = fold(title);
    let mut best = None;
    let mut last = None;
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        let level = match detect::tag_of(word) {
            Some(detect::Tag::Education(level)) => Some(level),
            Some(detect::Tag::Master) if last == Some(super::Education::Bachelor) => {
                Some(super::Education::Master)
            }
            _ => None,
        };
        if level.is_some() {
            best = best.max(level);
        }
        last = level.or(last.filter(|_| word.is_empty()));
    }
    best
}

fn push_language(profile: &mut Profile, language: Language, level: Cefr) {
    match profile
        .languages
        .iter_mut()
        .find(|s| s.language == language)
    {
        Some(known) => known.level = known.level.max(level),
        None => profile.languages.push(Spoken { language, level }),
    }
}
