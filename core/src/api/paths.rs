//! Where each endpoint of the API lives. The app builds every request address here and the
//! worker's router is tested against the same functions, so the two cannot drift apart.
//!
//! Path segments that come from people or the network (ids, codes, tokens) are percent-encoded.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::sync::ContentKind;

use super::ProblemCode;

/// The prefix of every endpoint.
pub const PREFIX: &str = "/api/v1";

/// What stays as it is in a segment: RFC 3986's unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn segment(value: &str) -> String {
    utf8_percent_encode(value, SEGMENT).to_string()
}

/// `GET`: is the worker and its database up.
pub fn health() -> String {
    format!("{PREFIX}/health")
}

/// `GET`: the changes of the content feed after `since`.
pub fn sync(since: u64) -> String {
    format!("{PREFIX}/sync?since={since}")
}

/// `GET`: at most `limit` changes of the content feed after `since`.
pub fn sync_page(since: u64, limit: u32) -> String {
    format!("{PREFIX}/sync?since={since}&limit={limit}")
}

/// `GET`: a public feed, such as `opportunities.atom` or `scadenze.ics`.
pub fn feed(name: &str) -> String {
    format!("{PREFIX}/feeds/{}", segment(name))
}

/// `POST` signs in, `GET` says who is signed in, `DELETE` signs out.
pub fn session() -> String {
    format!("{PREFIX}/session")
}

/// `POST`: a youth group signs up.
pub fn accounts() -> String {
    format!("{PREFIX}/accounts")
}

/// `POST`: the activation link of a sign-up.
pub fn sign_up(token: &str) -> String {
    format!("{PREFIX}/sign-ups/{}", segment(token))
}

/// `POST`: a member of staff accepts an invitation.
pub fn invitation(token: &str) -> String {
    format!("{PREFIX}/invitations/{}", segment(token))
}

/// `POST`: a sign-up for the lab `lab_id` (idempotent by the sign-up's id).
pub fn lab_signups(lab_id: &str) -> String {
    format!("{PREFIX}/labs/{}/signups", segment(lab_id))
}

/// `GET`: where the sign-up `signup_id` of the lab `lab_id` stands now, with its code.
pub fn lab_signup(lab_id: &str, signup_id: &str, code: &str) -> String {
    format!(
        "{PREFIX}/labs/{}/signups/{}?code={}",
        segment(lab_id),
        segment(signup_id),
        segment(code)
    )
}

/// `POST`: cancels the sign-up `signup_id` of the lab `lab_id`, with its code.
pub fn lab_signup_cancel(lab_id: &str, signup_id: &str) -> String {
    format!(
        "{PREFIX}/labs/{}/signups/{}/cancel",
        segment(lab_id),
        segment(signup_id)
    )
}

/// `POST` submits a proposal; `GET` lists the group's own, a page at a time.
pub fn proposals() -> String {
    format!("{PREFIX}/proposals")
}

/// `GET`: the group's proposals after the cursor `after` (the one the previous page ended with).
pub fn proposals_after(after: u64) -> String {
    format!("{PREFIX}/proposals?after={after}")
}

/// `GET`: one proposal of the group.
pub fn proposal(id: &str) -> String {
    format!("{PREFIX}/proposals/{}", segment(id))
}

/// `POST`: the group withdraws its proposal.
pub fn proposal_withdraw(id: &str) -> String {
    format!("{PREFIX}/proposals/{}/withdraw", segment(id))
}

/// `POST`: a question to the expert.
pub fn questions() -> String {
    format!("{PREFIX}/questions")
}

/// `GET`: where a question stands, by the code the asker was given.
pub fn question(code: &str) -> String {
    format!("{PREFIX}/questions/{}", segment(code))
}

/// `GET`: the free slots of the desk (`?tema=` narrows to one topic).
pub fn appointment_slots(topic: Option<crate::appointment::AppointmentTopic>) -> String {
    match topic {
        Some(topic) => format!("{PREFIX}/appointments/slots?tema={}", topic.as_ref()),
        None => format!("{PREFIX}/appointments/slots"),
    }
}

/// `POST`: book a slot.
pub fn appointments() -> String {
    format!("{PREFIX}/appointments")
}

/// `POST`: cancel a booking with its code.
pub fn appointment_cancel(id: &str) -> String {
    format!("{PREFIX}/appointments/{}/cancel", segment(id))
}

/// `POST`: send a candidate profile to the CV bank, with consent (idempotent by its id).
pub fn bank_profiles() -> String {
    format!("{PREFIX}/bank/profiles")
}

/// `GET` (with `?code=`): what the bank holds about the profile `id`; `PUT`: update and renew it.
pub fn bank_profile(id: &str) -> String {
    format!("{PREFIX}/bank/profiles/{}", segment(id))
}

/// `GET`: what the bank holds about the profile `id`, with its code.
pub fn bank_profile_with_code(id: &str, code: &str) -> String {
    format!(
        "{PREFIX}/bank/profiles/{}?code={}",
        segment(id),
        segment(code)
    )
}

/// `POST`: delete the profile `id` at once, with its code.
pub fn bank_profile_delete(id: &str) -> String {
    format!("{PREFIX}/bank/profiles/{}/delete", segment(id))
}

/// `POST`: the young person's answer to the proposal `proposal_id` made to the profile `id`.
pub fn bank_answer(id: &str, proposal_id: &str) -> String {
    format!(
        "{PREFIX}/bank/profiles/{}/proposals/{}/answer",
        segment(id),
        segment(proposal_id)
    )
}

/// `GET` (operators): search the bank; the query is [`crate::bank::SearchQuery`].
pub fn bank_search() -> String {
    format!("{PREFIX}/bank/search")
}

/// `POST` (operators): propose a candidate; `GET`: the operator's proposals.
pub fn bank_proposals() -> String {
    format!("{PREFIX}/bank/proposals")
}

/// `GET`, `PUT`, `DELETE`: one published item of a kind.
pub fn content(kind: ContentKind, id: &str) -> String {
    format!("{PREFIX}/{}/{}", kind.plural(), segment(id))
}

/// The `type` URI of a problem.
pub fn problem(code: ProblemCode) -> String {
    format!("{PREFIX}/problems/{code}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_people_cannot_leave_their_segment() {
        assert_eq!(question("AB12-CD34"), "/api/v1/questions/AB12-CD34");
        assert_eq!(proposal("../session"), "/api/v1/proposals/..%2Fsession");
        assert_eq!(proposals_after(17), "/api/v1/proposals?after=17");
        assert_eq!(sync(42), "/api/v1/sync?since=42");
        assert_eq!(
            lab_signup("l1", "s/1", "LAB-AB12&x=1"),
            "/api/v1/labs/l1/signups/s%2F1?code=LAB-AB12%26x%3D1"
        );
        assert_eq!(sync_page(42, 200), "/api/v1/sync?since=42&limit=200");
        assert_eq!(
            problem(ProblemCode::CallClosed),
            "/api/v1/problems/call_closed"
        );
    }
}
