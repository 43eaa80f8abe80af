//! What the store's tests send through the outbox.

#![allow(dead_code)]

use serde_json::json;
use sito_app::store::{ProposalJson, Submission};
use sito_core::{
    proposal::ProposalSubmission,
    question::{QuestionInput, Topic},
};

/// A complete proposal body as the phone sends it.
pub fn proposal_body() -> serde_json::Value {
    json!({
        "group": {"name": "Giovani in Rete", "kind": "association", "district": "crema",
            "contact_person": "Marta Rossi", "members": 8, "age_min": 17, "age_max": 24},
        "partners": [], "title": "Orto in piazza", "needs": "Un luogo d'incontro.",
        "objectives": "Un orto curato dai ragazzi.",
        "actions": [{"title": "Semina", "start": "2027-04-01", "end": "2027-05-01", "who": "Il gruppo"}],
        "budget": {"lines": [{"category": "services", "description": "Attrezzi", "quantity": 4, "unit_cost": 2500}],
            "requested": 8000},
        "results": "Un orto.", "indicators": "Presenze.", "reporting": "Relazione finale."
    })
}

/// One revision of a proposal, as the outbox sends it.
pub fn proposal(id: uuid::Uuid, revision: u32) -> Submission {
    Submission::Proposal(ProposalJson::new(&proposal_submission(id, revision)).unwrap())
}

/// One revision of a proposal.
pub fn proposal_submission(id: uuid::Uuid, revision: u32) -> ProposalSubmission {
    ProposalSubmission {
        id,
        revision,
        call_id: "think-town-2027".into(),
        body: serde_json::from_value(proposal_body()).unwrap(),
    }
}

/// A question to the expert.
pub fn question(id: u128) -> QuestionInput {
    QuestionInput {
        id: uuid::Uuid::from_u128(id),
        topic: Topic::Other,
        text: "Come si scrive una lettera di presentazione?".into(),
        nickname: None,
    }
}
