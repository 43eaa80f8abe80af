//! "L'esperto risponde": anyone asks (no account), an editor answers for an answering body and
//! publishes; only then does the question and its answer reach the phones, as content of kind
//! `answer`. The young person follows the question with a short code.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{
    content::{Content, PublishMeta},
    sync::ContentKind,
    validation::ValidationErrors,
};

/// The themes of the plan's information area that questions are filed under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Topic {
    WorkAndContracts,
    Internships,
    TrainingAndSkills,
    CvAndInterview,
    SelfEmployment,
    VolunteeringAndCamps,
    Abroad,
    WorkAndFamily,
    Other,
}

impl Topic {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::WorkAndContracts => "Lavoro, contratti e normativa",
            Self::Internships => "Tirocini",
            Self::TrainingAndSkills => "Formazione e certificazione delle competenze",
            Self::CvAndInterview => "CV, lettera e colloquio",
            Self::SelfEmployment => "Fare impresa",
            Self::VolunteeringAndCamps => "Volontariato e campi di lavoro",
            Self::Abroad => "Studiare e lavorare all'estero",
            Self::WorkAndFamily => "Conciliazione lavoro e famiglia",
            Self::Other => "Altro",
        }
    }
}

pub const QUESTION_MIN_CHARS: usize = 15;
pub const QUESTION_MAX_CHARS: usize = 2000;

/// `POST /api/v1/questions`. `id` is made on the phone and makes the post idempotent: however
/// often the outbox repeats it, one question is stored and the same receipt comes back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionInput {
    pub id: uuid::Uuid,
    pub topic: Topic,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
}

impl QuestionInput {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let len = self.text.trim().chars().count();
        if len == 0 {
            errors.push("text", "required", "Scrivi la tua domanda.");
        } else if len < QUESTION_MIN_CHARS {
            errors.push(
                "text",
                "too_short",
                format!(
                    "Racconta qualcosa in più: almeno {QUESTION_MIN_CHARS} caratteri, così l'esperto può rispondere bene."
                ),
            );
        } else if len > QUESTION_MAX_CHARS {
            errors.push(
                "text",
                "too_long",
                format!("Al massimo {QUESTION_MAX_CHARS} caratteri (ora sono {len})."),
            );
        }
        if let Some(nickname) = &self.nickname {
            errors.optional_text("nickname", nickname, 40);
        }
        errors.into_result(())
    }
}

/// Where a question stands, as its author sees it with the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum QuestionStatus {
    /// Waiting for an editor.
    Received,
    /// An editor is preparing the answer.
    Assigned,
    /// Answered but not yet published.
    Answered,
    /// Published: the answer is in the public list.
    Published,
    /// Not published (e.g. off topic or personal data); the author is told so.
    Declined,
}

impl QuestionStatus {
    /// The statuses a question may move to `self` from: the one definition of the desk's
    /// workflow, which the worker writes into the guard of the status update itself.
    ///
    /// A published question stays published: its answer is public, so the status must keep
    /// saying so (publishing again only updates the answer). Publishing is allowed from every
    /// status because the answer enters the feed before the question's status is written, and
    /// that second write must never be refused once the answer is public; for the same reason
    /// a declined question can be taken up again. Nothing moves a question back to received.
    pub fn allowed_from(self) -> &'static [QuestionStatus] {
        use QuestionStatus::*;
        match self {
            Received => &[],
            Assigned | Answered | Declined => &[Received, Assigned, Answered, Declined],
            Published => &[Received, Assigned, Answered, Published, Declined],
        }
    }

    /// Whether the desk may move a question from `self` to `next`.
    pub fn can_move_to(self, next: QuestionStatus) -> bool {
        next.allowed_from().contains(&self)
    }

    /// What moving a question to `self` means, as the desk names the action.
    fn action_it(self) -> &'static str {
        match self {
            Self::Received => "rimetterla tra le ricevute",
            Self::Assigned => "assegnarla",
            Self::Answered => "salvare una risposta da rivedere",
            Self::Published => "pubblicare la risposta",
            Self::Declined => "segnarla come non pubblicata",
        }
    }

    /// Why a question in `self` cannot move to `next`, in words the desk shows the editor.
    pub fn refusal_it(self, next: QuestionStatus) -> String {
        format!(
            "La domanda ora è «{}»: non si può più {}.",
            self.label_it(),
            next.action_it()
        )
    }

    pub fn label_it(self) -> &'static str {
        match self {
            Self::Received => "Ricevuta",
            Self::Assigned => "Un esperto ci sta lavorando",
            Self::Answered => "Risposta in revisione",
            Self::Published => "Risposta pubblicata",
            Self::Declined => "Non pubblicata",
        }
    }
}

/// The answer to `POST /api/v1/questions` and `GET /api/v1/questions/{code}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionReceipt {
    pub code: String,
    pub status: QuestionStatus,
    #[serde(with = "crate::time")]
    pub asked_at: DateTime<Utc>,
    /// The published answer's id, once published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_id: Option<String>,
}

/// `ESP-` and eight symbols of the codes' alphabet from eight random bytes.
pub fn question_code(random: [u8; 8]) -> String {
    crate::code::make("ESP", random)
}

/// Normalises what someone typed as a code (`esp 7k3q9abc` → `ESP-7K3Q-9ABC`).
pub fn normalise_code(typed: &str) -> Option<String> {
    crate::code::normalise("ESP", typed)
}

/// What an editor writes to publish an answer (the question's text can be tidied: names and
/// personal details removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerInput {
    pub topic: Topic,
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    pub answer_md: String,
    /// The answering body that signs the answer (e.g. "Centro per l'Impiego di Crema").
    pub answered_by: String,
    pub asked_on: NaiveDate,
}

/// A published question and answer, as phones store and search it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub id: String,
    pub version: u32,
    pub topic: Topic,
    pub question: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nickname: Option<String>,
    pub answer_html: String,
    pub answered_by: String,
    pub asked_on: NaiveDate,
    /// The day of first publication (first version); later edits keep it.
    pub answered_on: NaiveDate,
    #[serde(with = "crate::time")]
    pub updated_at: DateTime<Utc>,
    pub published_by: String,
}

impl Content for Answer {
    const KIND: ContentKind = ContentKind::Answer;
    type Input = AnswerInput;

    fn validate(input: &AnswerInput) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("question", &input.question, QUESTION_MAX_CHARS);
        errors.text("answer_md", &input.answer_md, 20_000);
        errors.text("answered_by", &input.answered_by, 120);
        if let Some(nickname) = &input.nickname {
            errors.optional_text("nickname", nickname, 40);
        }
        errors.into_result(())
    }

    fn publish(id: String, input: AnswerInput, meta: PublishMeta<'_>) -> Self {
        let answered_on = meta.updated_at.date_naive();
        Answer {
            id,
            version: meta.version,
            topic: input.topic,
            question: input.question.trim().to_owned(),
            nickname: input
                .nickname
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
            answer_html: (meta.render)(&input.answer_md),
            answered_by: input.answered_by.trim().to_owned(),
            asked_on: input.asked_on,
            answered_on,
            updated_at: meta.updated_at,
            published_by: meta.published_by.to_owned(),
        }
    }

    fn id(&self) -> &str {
        &self.id
    }

    fn title(&self) -> &str {
        &self.question
    }
}

/// The median number of days from question to published answer: "answers usually take…".
pub fn typical_answer_days(answers: &[Answer]) -> Option<i64> {
    let mut days: Vec<i64> = answers
        .iter()
        .map(|a| (a.answered_on - a.asked_on).num_days().max(0))
        .collect();
    if days.is_empty() {
        return None;
    }
    days.sort_unstable();
    Some(days[days.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_readable_and_typed_codes_are_normalised() {
        let code = question_code([0, 1, 2, 3, 30, 31, 255, 100]);
        assert_eq!(code.len(), 13);
        assert!(code.starts_with("ESP-"));
        assert!(!code[4..].contains(['0', 'O', '1', 'I', 'L']));
        assert_eq!(normalise_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(
            normalise_code(&code.replace('-', " ")).as_deref(),
            Some(code.as_str())
        );
        assert_eq!(normalise_code("ESP-0000-0000"), None);
        assert_eq!(normalise_code("ESP-ABC"), None);
    }

    #[test]
    fn questions_need_some_words() {
        let question = |text: &str| QuestionInput {
            id: uuid::Uuid::nil(),
            topic: Topic::Internships,
            text: text.into(),
            nickname: None,
        };
        assert_eq!(question("").validate().unwrap_err().0[0].code, "required");
        assert_eq!(
            question("Aiuto?").validate().unwrap_err().0[0].code,
            "too_short"
        );
        assert!(question("Un tirocinio extracurricolare è pagato?")
            .validate()
            .is_ok());
        assert_eq!(
            question(&"a".repeat(2001)).validate().unwrap_err().0[0].code,
            "too_long"
        );
    }

    #[test]
    fn a_question_moves_only_along_the_desk_workflow() {
        use QuestionStatus::*;
        // Rows: from; columns: to Received, Assigned, Answered, Published, Declined.
        let table = [
            (Received, [false, true, true, true, true]),
            (Assigned, [false, true, true, true, true]),
            (Answered, [false, true, true, true, true]),
            (Published, [false, false, false, true, false]),
            (Declined, [false, true, true, true, true]),
        ];
        assert_eq!(table.map(|(from, _)| from), QuestionStatus::VARIANTS);
        for (from, allowed) in table {
            for (to, expected) in QuestionStatus::VARIANTS.iter().copied().zip(allowed) {
                assert_eq!(
                    from.can_move_to(to),
                    expected,
                    "{} → {}",
                    from.as_ref(),
                    to.as_ref()
                );
                assert_eq!(to.allowed_from().contains(&from), expected);
            }
        }
    }

    #[test]
    fn a_published_answer_cannot_be_declined_or_reassigned() {
        use QuestionStatus::*;
        assert!(!Published.can_move_to(Declined));
        assert!(!Published.can_move_to(Assigned));
        assert!(!Published.can_move_to(Answered));
        assert!(
            Published.can_move_to(Published),
            "the answer can be updated"
        );
        let refusal = Published.refusal_it(Declined);
        assert!(refusal.contains("«Risposta pubblicata»"), "{refusal}");
        assert!(refusal.contains("non pubblicata"), "{refusal}");
    }

    #[test]
    fn statuses_read_back_from_their_names() {
        for status in QuestionStatus::VARIANTS.iter().copied() {
            assert_eq!(status.as_ref().parse::<QuestionStatus>().ok(), Some(status));
        }
        assert_eq!("pubblicata".parse::<QuestionStatus>().ok(), None);
    }

    #[test]
    fn typical_answer_time_is_the_median() {
        let answer = |asked: &str, answered: &str| Answer {
            id: "a".into(),
            version: 1,
            topic: Topic::Other,
            question: "q".into(),
            nickname: None,
            answer_html: String::new(),
            answered_by: "x".into(),
            asked_on: asked.parse().unwrap(),
            answered_on: answered.parse().unwrap(),
            updated_at: DateTime::UNIX_EPOCH,
            published_by: String::new(),
        };
        assert_eq!(typical_answer_days(&[]), None);
        let answers = [
            answer("2026-11-01", "2026-11-03"),
            answer("2026-11-01", "2026-11-02"),
            answer("2026-11-01", "2026-11-20"),
        ];
        assert_eq!(typical_answer_days(&answers), Some(2));
    }
}
