//! The contract between the phone and the worker: where each endpoint lives and the codes of the
//! problems it answers with. The worker routes by these paths and answers with these codes; the
//! app builds its requests from the same functions and branches on the same enum, so a renamed
//! endpoint or code is a compile error on both sides, not a 404 found by a user.

pub mod paths;

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, Display, EnumString, IntoStaticStr};

/// Every `code` a problem+json answer of the API can carry (RFC 9457 extension member). Clients
/// branch on it; the title and detail are for people.
///
/// A code this build does not know (a newer worker) reads as [`ProblemCode::Other`], so an old
/// app on a phone still shows the problem's own title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(Display, AsRefStr, IntoStaticStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ProblemCode {
    // Requests the API cannot read.
    NotFound,
    MethodNotAllowed,
    InvalidQuery,
    InvalidHeader,
    MalformedBody,
    UnsupportedMediaType,
    PayloadTooLarge,
    ValidationFailed,
    PreconditionRequired,
    VersionConflict,
    // Who is asking.
    Unauthorized,
    InvalidCredentials,
    TooManyRequests,
    RoleForbidden,
    CrossOrigin,
    OriginRequired,
    SignUpInvalid,
    InvitationInvalid,
    // Questions to the expert.
    IdReused,
    QuestionStatusConflict,
    // Proposals and their calls.
    CallNotFound,
    CallNotOpen,
    CallClosed,
    CallUnavailable,
    AlreadySubmitted,
    RevisionConflict,
    Withdrawn,
    // Review of proposals.
    Decided,
    DecisionPublished,
    DecisionsMissing,
    // Appointments at the desk.
    SlotTaken,
    SlotUnavailable,
    CancellationClosed,
    // Labs and seminars.
    LabNotOpen,
    LabClosed,
    LabCancelled,
    LabNotCancellable,
    // The CV bank.
    ConsentRequired,
    AlreadyAnswered,
    // The server itself.
    StorageUnavailable,
    FaultInjected,
    /// A code added after this build.
    #[serde(other)]
    Other,
}

impl ProblemCode {
    /// The problem's `type` URI, stable under the API's documentation path.
    pub fn type_uri(self) -> String {
        paths::problem(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_snake_case_and_an_unknown_code_is_other() {
        let json = serde_json::to_string(&ProblemCode::QuestionStatusConflict).unwrap();
        assert_eq!(json, "\"question_status_conflict\"");
        assert_eq!(ProblemCode::CallClosed.as_ref(), "call_closed");
        let newer: ProblemCode = serde_json::from_str("\"a_code_from_the_future\"").unwrap();
        assert_eq!(newer, ProblemCode::Other);
        assert_eq!("version_conflict".parse(), Ok(ProblemCode::VersionConflict));
    }
}
