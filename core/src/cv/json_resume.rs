//! JSON Resume (https://jsonresume.org/schema, v1.0.0) export and import. Standard fields carry
//! everything they can express, so other tools read the CV; what JSON Resume has no place for
//! (first and last name apart, the CEFR grid, the driving licence, the consent line, the
//! version's name, towns of studies and volunteering) travels in `meta.europass`.

use serde::{Deserialize, Serialize};

use super::{Cefr, Cv, Education, Experience, LanguageSkill, Personal};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct JsonResume {
    #[serde(rename = "$schema", skip_serializing_if = "String::is_empty")]
    pub schema: String,
    pub basics: Basics,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub work: Vec<Work>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub volunteer: Vec<Volunteer>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub education: Vec<Study>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<Skill>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interests: Vec<Interest>,
    pub meta: Meta,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Basics {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub url: String,
    pub summary: String,
    pub location: Location,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Location {
    pub city: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Work {
    pub name: String,
    pub position: String,
    pub location: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Volunteer {
    pub organization: String,
    pub position: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    pub summary: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Study {
    pub institution: String,
    pub study_type: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_date: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub end_date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub courses: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Skill {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub level: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Language {
    pub language: String,
    pub fluency: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Interest {
    pub name: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Meta {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub last_modified: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub europass: Option<Europass>,
}

/// What JSON Resume cannot say, kept so that an export imports back exactly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Europass {
    pub cv_name: String,
    pub first_name: String,
    pub last_name: String,
    pub consent: bool,
    pub driving_licence: Vec<String>,
    /// Per non-native language, in order: listening, reading, interaction, production, writing
    /// (`null` where the person chose no level).
    pub cefr: Vec<[Option<Cefr>; 5]>,
    pub education_cities: Vec<String>,
    pub volunteering_cities: Vec<String>,
}

const MOTHER_TONGUE: &str = "Madrelingua";
const DIGITAL: &str = "Competenze digitali";
const OTHER: &str = "Altre competenze";

pub fn to_json_resume(cv: &Cv) -> JsonResume {
    let languages = cv
        .mother_tongues
        .iter()
        .map(|l| Language {
            language: l.clone(),
            fluency: MOTHER_TONGUE.into(),
        })
        .chain(cv.languages.iter().map(|l| {
            Language {
                language: l.language.clone(),
                // JSON Resume has one fluency: the highest of the five self-assessed levels,
                // empty when none was chosen.
                fluency: l
                    .levels()
                    .into_iter()
                    .flatten()
                    .max()
                    .map(<&str>::from)
                    .unwrap_or_default()
                    .into(),
            }
        }))
        .collect();
    let mut skills = Vec::new();
    if !cv.digital_skills.is_empty() {
        skills.push(Skill {
            name: DIGITAL.into(),
            level: String::new(),
            keywords: cv.digital_skills.clone(),
        });
    }
    if !cv.other_skills.is_empty() {
        skills.push(Skill {
            name: OTHER.into(),
            level: cv.other_skills.clone(),
            keywords: Vec::new(),
        });
    }
    JsonResume {
        schema: "https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json"
            .into(),
        basics: Basics {
            name: cv.full_name(),
            email: cv.personal.email.clone(),
            phone: cv.personal.phone.clone(),
            url: cv.personal.website.clone(),
            summary: cv.profile.clone(),
            location: Location {
                city: cv.personal.city.clone(),
            },
        },
        work: cv
            .work
            .iter()
            .map(|w| Work {
                name: w.organisation.clone(),
                position: w.role.clone(),
                location: w.city.clone(),
                start_date: w.start.clone(),
                end_date: w.end.clone(),
                summary: w.description.clone(),
            })
            .collect(),
        volunteer: cv
            .volunteering
            .iter()
            .map(|v| Volunteer {
                organization: v.organisation.clone(),
                position: v.role.clone(),
                start_date: v.start.clone(),
                end_date: v.end.clone(),
                summary: v.description.clone(),
            })
            .collect(),
        education: cv
            .education
            .iter()
            .map(|e| Study {
                institution: e.institution.clone(),
                study_type: e.title.clone(),
                start_date: e.start.clone(),
                end_date: e.end.clone(),
                courses: if e.description.is_empty() {
                    Vec::new()
                } else {
                    vec![e.description.clone()]
                },
            })
            .collect(),
        skills,
        languages,
        interests: if cv.interests.is_empty() {
            Vec::new()
        } else {
            vec![Interest {
                name: cv.interests.clone(),
            }]
        },
        meta: Meta {
            last_modified: cv.updated_at.clone(),
            europass: Some(Europass {
                cv_name: cv.name.clone(),
                first_name: cv.personal.first_name.clone(),
                last_name: cv.personal.last_name.clone(),
                consent: cv.personal.consent,
                driving_licence: cv.driving_licence.clone(),
                cefr: cv.languages.iter().map(LanguageSkill::levels).collect(),
                education_cities: cv.education.iter().map(|e| e.city.clone()).collect(),
                volunteering_cities: cv.volunteering.iter().map(|v| v.city.clone()).collect(),
            }),
        },
    }
}

/// A CV from JSON Resume, ours or another tool's. `id` names the new CV on the phone.
pub fn from_json_resume(resume: &JsonResume, id: &str) -> Cv {
    let europass = resume.meta.europass.clone().unwrap_or_else(|| {
        // Another tool's file: split the name at its last space, levels from the fluency.
        let (first, last) = resume
            .basics
            .name
            .trim()
            .rsplit_once(' ')
            .map_or((resume.basics.name.trim(), ""), |(f, l)| (f, l));
        Europass {
            first_name: first.to_owned(),
            last_name: last.to_owned(),
            cefr: resume
                .languages
                .iter()
                .filter(|l| l.fluency != MOTHER_TONGUE)
                .map(|l| [l.fluency.trim().parse::<Cefr>().ok(); 5])
                .collect(),
            ..Europass::default()
        }
    });
    let city = |cities: &[String], i: usize| cities.get(i).cloned().unwrap_or_default();
    let foreign: Vec<&Language> = resume
        .languages
        .iter()
        .filter(|l| l.fluency != MOTHER_TONGUE)
        .collect();
    Cv {
        id: id.to_owned(),
        name: europass.cv_name.clone(),
        updated_at: resume.meta.last_modified.clone(),
        personal: Personal {
            first_name: europass.first_name.clone(),
            last_name: europass.last_name.clone(),
            email: resume.basics.email.clone(),
            phone: resume.basics.phone.clone(),
            city: resume.basics.location.city.clone(),
            website: resume.basics.url.clone(),
            consent: europass.consent,
        },
        profile: resume.basics.summary.clone(),
        work: resume
            .work
            .iter()
            .map(|w| Experience {
                role: w.position.clone(),
                organisation: w.name.clone(),
                city: w.location.clone(),
                start: w.start_date.clone(),
                end: w.end_date.clone(),
                description: w.summary.clone(),
            })
            .collect(),
        education: resume
            .education
            .iter()
            .enumerate()
            .map(|(i, e)| Education {
                title: e.study_type.clone(),
                institution: e.institution.clone(),
                city: city(&europass.education_cities, i),
                start: e.start_date.clone(),
                end: e.end_date.clone(),
                description: e.courses.join("\n"),
            })
            .collect(),
        mother_tongues: resume
            .languages
            .iter()
            .filter(|l| l.fluency == MOTHER_TONGUE)
            .map(|l| l.language.clone())
            .collect(),
        languages: foreign
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let [listening, reading, interaction, production, writing] = europass
                    .cefr
                    .get(i)
                    .copied()
                    .unwrap_or([l.fluency.trim().parse::<Cefr>().ok(); 5]);
                LanguageSkill {
                    language: l.language.clone(),
                    listening,
                    reading,
                    interaction,
                    production,
                    writing,
                }
            })
            .collect(),
        digital_skills: resume
            .skills
            .iter()
            .filter(|s| s.name == DIGITAL)
            .flat_map(|s| s.keywords.clone())
            .collect(),
        other_skills: resume
            .skills
            .iter()
            .filter(|s| s.name == OTHER)
            .map(|s| s.level.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        driving_licence: europass.driving_licence.clone(),
        volunteering: resume
            .volunteer
            .iter()
            .enumerate()
            .map(|(i, v)| Experience {
                role: v.position.clone(),
                organisation: v.organization.clone(),
                city: city(&europass.volunteering_cities, i),
                start: v.start_date.clone(),
                end: v.end_date.clone(),
                description: v.summary.clone(),
            })
            .collect(),
        interests: resume
            .interests
            .iter()
            .map(|i| i.name.clone())
            .collect::<Vec<_>>()
            .join("\n"),
        // Kept on the phone only: JSON Resume carries their text, in the other skills.
        self_assessments: Vec::new(),
    }
}
