//! The one error type of the API and the problem (RFC 9457) each error answers; `http` writes
//! it as problem+json.

use sito_core::api::ProblemCode;
use sito_core::{Problem, ValidationErrors};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed { allow: &'static str },
    #[error("invalid query")]
    InvalidQuery(ValidationErrors),
    #[error("invalid header")]
    InvalidHeader(ValidationErrors),
    #[error("malformed body: {0}")]
    MalformedBody(String),
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("payload too large")]
    PayloadTooLarge { max: usize },
    #[error("validation failed")]
    Validation(ValidationErrors),
    /// The fields of a CV bank profile, the consent among them (422 `consent_required`).
    #[error("consent required")]
    ConsentRequired(ValidationErrors),
    #[error("precondition required")]
    PreconditionRequired,
    #[error("unauthorized")]
    Unauthorized,
    #[error("invalid credentials")]
    InvalidCredentials,
    #[error("forbidden: {code}")]
    Forbidden { code: ProblemCode, detail: String },
    #[error("too many requests")]
    TooManyRequests { retry_after: u64 },
    #[error("version conflict")]
    Conflict {
        /// The current copy, so the editor can compare (null when the item is gone).
        current: Option<Box<serde_json::value::RawValue>>,
        current_version: u32,
    },
    /// A request the rules of the domain refuse, such as a proposal after the call's deadline
    /// (422) or one already submitted (409).
    #[error("refused: {code}")]
    Refused {
        status: u16,
        code: ProblemCode,
        title: &'static str,
        detail: String,
    },
    #[error("storage: {0}")]
    Storage(String),
}

impl From<worker::Error> for ApiError {
    fn from(e: worker::Error) -> Self {
        ApiError::Storage(e.to_string())
    }
}

/// A stored status, kind, role or district this build does not know: the data is not what the
/// code expects, so the answer is the storage problem (503), and the value is in the log.
impl From<sito_core::stored::UnknownStoredValue> for ApiError {
    fn from(e: sito_core::stored::UnknownStoredValue) -> Self {
        ApiError::Storage(e.to_string())
    }
}

impl ApiError {
    pub fn problem(&self) -> Problem {
        match self {
            ApiError::NotFound => Problem::new(404, ProblemCode::NotFound, "Risorsa non trovata")
                .with_detail("L'indirizzo richiesto non esiste in questa API."),
            ApiError::MethodNotAllowed { allow } => {
                Problem::new(405, ProblemCode::MethodNotAllowed, "Metodo non consentito")
                    .with_detail(format!("Metodi consentiti: {allow}."))
            }
            ApiError::InvalidQuery(errors) => Problem::new(
                400,
                ProblemCode::InvalidQuery,
                "Parametri della richiesta non validi",
            )
            .with_errors(errors.0.clone()),
            ApiError::InvalidHeader(errors) => Problem::new(
                400,
                ProblemCode::InvalidHeader,
                "Intestazione della richiesta non valida",
            )
            .with_errors(errors.0.clone()),
            ApiError::MalformedBody(why) => Problem::new(
                400,
                ProblemCode::MalformedBody,
                "Il corpo della richiesta non è leggibile",
            )
            .with_detail(why.clone()),
            ApiError::UnsupportedMediaType => Problem::new(
                415,
                ProblemCode::UnsupportedMediaType,
                "Formato non supportato",
            )
            .with_detail("Invia il corpo come application/json."),
            ApiError::PayloadTooLarge { max } => {
                Problem::new(413, ProblemCode::PayloadTooLarge, "Richiesta troppo grande")
                    .with_detail(format!("Il limite è di {max} byte."))
            }
            ApiError::Validation(errors) => Problem::new(
                422,
                ProblemCode::ValidationFailed,
                "Alcuni campi non sono validi",
            )
            .with_errors(errors.0.clone()),
            ApiError::ConsentRequired(errors) => {
                Problem::new(422, ProblemCode::ConsentRequired, "Serve il tuo consenso")
                    .with_detail("Senza il consenso al testo attuale il profilo non viene inviato.")
                    .with_errors(errors.0.clone())
            }
            ApiError::PreconditionRequired => Problem::new(
                428,
                ProblemCode::PreconditionRequired,
                "Versione di partenza mancante",
            )
            .with_detail("Indica in If-Match la versione su cui si basa la modifica."),
            ApiError::Unauthorized => {
                Problem::new(401, ProblemCode::Unauthorized, "Accesso richiesto").with_detail(
                    "Accedi con il tuo account per continuare: la sessione manca o è scaduta.",
                )
            }
            ApiError::InvalidCredentials => {
                Problem::new(401, ProblemCode::InvalidCredentials, "Accesso non riuscito")
                    .with_detail("E-mail o password non corrette, oppure account disattivato.")
            }
            ApiError::Forbidden { code, detail } => {
                Problem::new(403, *code, "Operazione non consentita").with_detail(detail.clone())
            }
            ApiError::TooManyRequests { retry_after } => {
                Problem::new(429, ProblemCode::TooManyRequests, "Troppi tentativi").with_detail(
                    format!(
                        "Troppi tentativi ravvicinati: riprova tra {} minuti.",
                        retry_after.div_ceil(60)
                    ),
                )
            }
            ApiError::Conflict { .. } => Problem::new(
                409,
                ProblemCode::VersionConflict,
                "Il contenuto è stato modificato da qualcun altro",
            )
            .with_detail("Ricarica la versione attuale e riapplica le modifiche."),
            ApiError::Refused {
                status,
                code,
                title,
                detail,
            } => Problem::new(*status, *code, title).with_detail(detail.clone()),
            ApiError::Storage(_) => Problem::new(
                503,
                ProblemCode::StorageUnavailable,
                "Servizio non disponibile",
            )
            .with_detail("Il database non risponde: riprova tra poco."),
        }
    }
}
