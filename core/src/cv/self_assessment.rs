//! "Che cosa ho imparato": after a lab or a volunteering experience, the young person rates the
//! relational and organisational skills they practised (seed 002 §6, "formazione e
//! auto-valutazione delle abilità relazionali ed umane acquisite") and says in their own words
//! how. Kept with the CV on the phone; "Aggiungi al CV" adds it to the CV's other skills.

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use super::Cv;
use crate::validation::{FieldPath, ValidationErrors};

pub const EXPERIENCE_MAX_CHARS: usize = 120;
pub const WORDS_MAX_CHARS: usize = 300;

/// The skills of the grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SoftSkill {
    Communication,
    Teamwork,
    Organisation,
    ProblemSolving,
    TimeManagement,
    Leadership,
    Listening,
}

impl SoftSkill {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Communication => "Comunicazione",
            Self::Teamwork => "Lavoro di gruppo",
            Self::Organisation => "Organizzazione",
            Self::ProblemSolving => "Risoluzione dei problemi",
            Self::TimeManagement => "Gestione del tempo",
            Self::Leadership => "Leadership",
            Self::Listening => "Ascolto",
        }
    }
}

/// How well the young person feels they handle a skill now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum SkillLevel {
    Basic,
    Good,
    Strong,
}

impl SkillLevel {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Basic => "di base",
            Self::Good => "buono",
            Self::Strong => "ottimo",
        }
    }
}

/// One row of the grid: a skill, the level chosen (none: not practised), and how, in the
/// young person's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkillRating {
    pub skill: SoftSkill,
    #[serde(default)]
    pub level: Option<SkillLevel>,
    #[serde(default)]
    pub words: String,
}

/// One self-assessment, after one experience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAssessment {
    /// The lab or volunteering experience it follows ("Laboratorio professional skills, Crema").
    pub experience: String,
    pub ratings: Vec<SkillRating>,
}

impl SelfAssessment {
    /// An empty grid after `experience`: every skill, no level, no words.
    pub fn blank(experience: &str) -> Self {
        SelfAssessment {
            experience: experience.to_owned(),
            ratings: SoftSkill::VARIANTS
                .iter()
                .map(|&skill| SkillRating {
                    skill,
                    level: None,
                    words: String::new(),
                })
                .collect(),
        }
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.experience.trim().is_empty() {
            errors.push(
                "experience",
                "required",
                "Scrivi dopo quale laboratorio o esperienza di volontariato ti valuti.",
            );
        } else {
            errors.text("experience", &self.experience, EXPERIENCE_MAX_CHARS);
        }
        for (i, rating) in self.ratings.iter().enumerate() {
            let field = FieldPath::from("ratings").index(i).field("words");
            errors.optional_text(field.clone(), rating.words.trim(), WORDS_MAX_CHARS);
            if rating.level.is_none() && !rating.words.trim().is_empty() {
                errors.push(
                    FieldPath::from("ratings").index(i).field("level"),
                    "required",
                    format!("Scegli un livello per «{}».", rating.skill.label_it()),
                );
            }
        }
        if errors.is_empty() && self.ratings.iter().all(|r| r.level.is_none()) {
            errors.push(
                "ratings",
                "none_rated",
                "Scegli un livello per almeno una competenza.",
            );
        }
        errors.into_result(())
    }

    /// What "Aggiungi al CV" writes into the CV's other skills: a heading line naming the
    /// experience, then one line per rated skill with its level and the young person's words.
    pub fn cv_text(&self) -> String {
        let mut text = format!(
            "Competenze relazionali e organizzative (autovalutazione dopo: {})",
            self.experience.trim()
        );
        for rating in &self.ratings {
            let Some(level) = rating.level else {
                continue;
            };
            text.push_str(&format!(
                "\n- {}: livello {}",
                rating.skill.label_it(),
                level.label_it()
            ));
            let words = rating
                .words
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if !words.is_empty() {
                text.push_str(&format!(". {words}"));
            }
        }
        text
    }
}

impl Cv {
    /// Keeps the self-assessment with the CV and adds its text to the other skills, after what
    /// is there, with one tap. Adding the same assessment again changes nothing.
    pub fn add_self_assessment(
        &mut self,
        assessment: SelfAssessment,
    ) -> Result<(), ValidationErrors> {
        assessment.validate()?;
        if self.self_assessments.contains(&assessment) {
            return Ok(());
        }
        let text = assessment.cv_text();
        if self.other_skills.trim().is_empty() {
            self.other_skills = text;
        } else {
            self.other_skills = format!("{}\n\n{text}", self.other_skills.trim_end());
        }
        self.self_assessments.push(assessment);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rated() -> SelfAssessment {
        let mut a = SelfAssessment::blank("Laboratorio professional skills, Crema");
        a.ratings[1].level = Some(SkillLevel::Strong);
        a.ratings[1].words = "Ho coordinato  il gruppo\nche preparava la festa.".into();
        a.ratings[6].level = Some(SkillLevel::Good);
        a
    }

    #[test]
    fn the_grid_has_every_skill_of_the_plan_and_says_what_is_missing() {
        let blank = SelfAssessment::blank(" ");
        let names: Vec<&str> = blank.ratings.iter().map(|r| r.skill.label_it()).collect();
        assert_eq!(
            names,
            [
                "Comunicazione",
                "Lavoro di gruppo",
                "Organizzazione",
                "Risoluzione dei problemi",
                "Gestione del tempo",
                "Leadership",
                "Ascolto"
            ]
        );
        let errors = blank.validate().unwrap_err();
        assert_eq!(errors.0[0].field.to_string(), "experience");
        let mut words_only = SelfAssessment::blank("Volontariato in biblioteca");
        words_only.ratings[0].words = "Ho parlato in pubblico".into();
        let errors = words_only.validate().unwrap_err();
        assert_eq!(errors.0[0].field.to_string(), "ratings.0.level");
        assert_eq!(
            errors.0[0].message,
            "Scegli un livello per «Comunicazione»."
        );
        let none = SelfAssessment::blank("Volontariato in biblioteca");
        assert_eq!(none.validate().unwrap_err().0[0].code, "none_rated");
    }

    #[test]
    fn adding_to_the_cv_appends_the_rated_skills_once() {
        let mut cv = Cv {
            other_skills: "Patente del muletto".into(),
            ..Cv::default()
        };
        cv.add_self_assessment(rated()).unwrap();
        assert_eq!(
            cv.other_skills,
            "Patente del muletto\n\nCompetenze relazionali e organizzative (autovalutazione dopo: \
             Laboratorio professional skills, Crema)\n- Lavoro di gruppo: livello ottimo. Ho \
             coordinato il gruppo che preparava la festa.\n- Ascolto: livello buono"
        );
        let once = cv.clone();
        cv.add_self_assessment(rated()).unwrap();
        assert_eq!(cv, once);
        assert_eq!(cv.self_assessments.len(), 1);
    }

    #[test]
    fn a_cv_kept_before_self_assessments_still_reads() {
        let old = r#"{"id":"c1","name":"Stagionale","updated_at":"2026-01-01T00:00:00.000Z",
            "personal":{"first_name":"Sara","last_name":"Neri"},"other_skills":"Cucina"}"#;
        let cv: Cv = serde_json::from_str(old).unwrap();
        assert!(cv.self_assessments.is_empty());
        assert_eq!(cv.other_skills, "Cucina");
        let again: Cv = serde_json::from_str(&serde_json::to_string(&cv).unwrap()).unwrap();
        assert_eq!(again, cv);
    }
}
