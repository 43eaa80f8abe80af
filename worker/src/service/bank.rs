//! The CV bank as the young person uses it from the phone: sending a profile with consent
//! (idempotent by its id), reading what the server holds with the views and proposals,
//! updating and renewing it, deleting it, and answering a proposal. The operators' side is in
//! `bank_desk`.

use chrono::{DateTime, Utc};
use sito_core::{
    api::ProblemCode,
    bank::{
        expires_at, profile_code, Answer, BankReceipt, BankRecord, BankSubmission, BankUpdate,
        ConsentRecord, ProposalKind, ProposalStatus, ProposalToYou, View, CODE_PREFIX,
        CONSENT_TEXT_IT, CONSENT_VERSION,
    },
    cv::JsonResume,
    matching::Profile,
    stored, ValidationErrors,
};
use worker::D1Database;

use crate::{
    auth,
    db::bank::{self as db, Fields, ProfileRow, ProposalRow},
    error::ApiError,
};

fn storage(e: impl std::fmt::Display) -> ApiError {
    ApiError::Storage(e.to_string())
}

/// A refusal of the fields: `consent_required` when the consent is among them.
pub fn invalid(errors: ValidationErrors) -> ApiError {
    if errors.0.iter().any(|e| e.field == "consent") {
        ApiError::ConsentRequired(errors)
    } else {
        ApiError::Validation(errors)
    }
}

/// The code as typed, normalised; `None` cannot be any profile's.
pub fn normalise_code(typed: &str) -> Option<String> {
    sito_core::code::normalise(CODE_PREFIX, typed)
}

fn time(column: &'static str, value: &str) -> Result<DateTime<Utc>, ApiError> {
    Ok(stored::time(column, value)?)
}

fn receipt(row: &ProfileRow) -> Result<BankReceipt, ApiError> {
    Ok(BankReceipt {
        id: row.id.clone(),
        code: row.code.clone(),
        consent_version: row.consent_version,
        stored_at: time("bank stored_at", &row.stored_at)?,
        expires_at: time("bank expires_at", &row.expires_at)?,
    })
}

fn stored_profile(row: &ProfileRow) -> Result<(Profile, Option<JsonResume>), ApiError> {
    let profile = serde_json::from_str(&row.profile).map_err(storage)?;
    let cv = row
        .cv
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(storage)?;
    Ok((profile, cv))
}

/// Sends a profile. A replay of the same id with the same details stores nothing and answers
/// the stored receipt (`false`); the same id with other details is refused.
pub async fn submit(
    database: &D1Database,
    input: &BankSubmission,
    rate_limit: impl std::future::Future<Output = Result<(), ApiError>>,
) -> Result<(BankReceipt, bool), ApiError> {
    input.validate().map_err(invalid)?;
    let id = input.id.to_string();
    let (name, contact) = (input.name.trim(), input.contact.trim());
    if let Some(row) = db::any_profile(database, &id).await? {
        let (profile, cv) = stored_profile(&row)?;
        let same = row.name == name
            && row.contact == contact
            && profile == input.profile
            && cv == input.cv;
        return if same {
            Ok((receipt(&row)?, false))
        } else {
            Err(ApiError::Forbidden {
                code: ProblemCode::IdReused,
                detail: "Questo identificativo appartiene a un altro profilo.".into(),
            })
        };
    }
    rate_limit.await?;
    let code = profile_code(auth::random_bytes::<8>()?);
    write(
        database,
        &id,
        &code,
        name,
        contact,
        &input.profile,
        &input.cv,
        true,
    )
    .await
}

#[allow(clippy::too_many_arguments)]
async fn write(
    database: &D1Database,
    id: &str,
    code: &str,
    name: &str,
    contact: &str,
    profile: &Profile,
    cv: &Option<JsonResume>,
    new: bool,
) -> Result<(BankReceipt, bool), ApiError> {
    let now = auth::now();
    let at = sito_core::time::format(&now);
    let profile_json = serde_json::to_string(profile).map_err(storage)?;
    let cv_json = cv
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(storage)?;
    let fields = Fields {
        id,
        code,
        name,
        contact,
        profile,
        profile_json: &profile_json,
        cv_json: cv_json.as_deref(),
        consent_version: CONSENT_VERSION,
        consent_text: CONSENT_TEXT_IT,
        at: &at,
        expires_at: &sito_core::time::format(&expires_at(now)),
    };
    let written = if new {
        db::insert(database, &fields).await?
    } else {
        db::update(database, &fields).await?
    };
    if !new && !written {
        return Err(ApiError::NotFound);
    }
    let row = db::any_profile(database, id)
        .await?
        .ok_or_else(|| ApiError::Storage("bank profile vanished".into()))?;
    Ok((receipt(&row)?, written))
}

/// The unexpired profile `id` if `typed` is its code; 404 otherwise.
pub async fn own_profile(
    database: &D1Database,
    id: &str,
    typed: &str,
) -> Result<ProfileRow, ApiError> {
    let code = normalise_code(typed).ok_or(ApiError::NotFound)?;
    db::profile(database, id, &auth::now_text())
        .await?
        .filter(|row| row.code == code)
        .ok_or(ApiError::NotFound)
}

/// Updates the profile and renews its consent and twelve months.
pub async fn update(
    database: &D1Database,
    id: &str,
    input: &BankUpdate,
) -> Result<BankReceipt, ApiError> {
    let row = own_profile(database, id, &input.code).await?;
    sito_core::bank::checks::validate_update(input).map_err(invalid)?;
    let (name, contact) = (input.name.trim(), input.contact.trim());
    let cv = &input.cv;
    let (receipt, _) = write(
        database,
        id,
        &row.code,
        name,
        contact,
        &input.profile,
        cv,
        false,
    )
    .await?;
    Ok(receipt)
}

/// Deletes the profile and everything hanging from it at once.
pub async fn delete(database: &D1Database, id: &str, typed: &str) -> Result<(), ApiError> {
    let row = own_profile(database, id, typed).await?;
    if db::delete(database, id, &row.code, &auth::now_text()).await? {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}

fn to_you(row: ProposalRow) -> Result<ProposalToYou, ApiError> {
    let slots: Vec<String> = row
        .slots
        .as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(storage)?
        .unwrap_or_default();
    Ok(ProposalToYou {
        kind: stored::parse::<ProposalKind>("bank proposal kind", &row.kind)?,
        status: stored::parse::<ProposalStatus>("bank proposal status", &row.status)?,
        sent_at: time("bank proposal sent_at", &row.sent_at)?,
        answered_at: row
            .answered_at
            .as_deref()
            .map(|t| time("bank proposal answered_at", t))
            .transpose()?,
        slot: row
            .slot
            .as_deref()
            .map(|t| time("bank proposal slot", t))
            .transpose()?,
        slots: slots
            .iter()
            .map(|t| time("recruiting day slot", t))
            .collect::<Result<_, _>>()?,
        id: row.id,
        item_id: row.item_id,
        title: row.title,
        message: row.message,
        from: row.by_name,
    })
}

/// Everything the server holds about the profile.
pub async fn record(database: &D1Database, id: &str, typed: &str) -> Result<BankRecord, ApiError> {
    let row = own_profile(database, id, typed).await?;
    let (profile, cv) = stored_profile(&row)?;
    let views = db::views(database, id)
        .await?
        .into_iter()
        .map(|v| {
            Ok(View {
                at: time("bank view at", &v.at)?,
                by: v.by_name,
                kind: stored::parse("bank view kind", &v.kind)?,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let proposals = db::proposals(database, id)
        .await?
        .into_iter()
        .map(to_you)
        .collect::<Result<_, _>>()?;
    Ok(BankRecord {
        consent: ConsentRecord {
            version: row.consent_version,
            text: row.consent_text.clone(),
            given_at: time("bank consent_given_at", &row.consent_given_at)?,
        },
        stored_at: time("bank stored_at", &row.stored_at)?,
        expires_at: time("bank expires_at", &row.expires_at)?,
        id: row.id,
        name: row.name,
        contact: row.contact,
        profile,
        cv,
        views,
        proposals,
    })
}

fn already_answered() -> ApiError {
    ApiError::Refused {
        status: 409,
        code: ProblemCode::AlreadyAnswered,
        title: "Hai già risposto",
        detail: "Hai già risposto a questa proposta in un altro modo.".into(),
    }
}

/// Accepts or declines a proposal. The same answer again answers the proposal as it stands.
pub async fn answer(
    database: &D1Database,
    id: &str,
    proposal_id: &str,
    input: &Answer,
) -> Result<ProposalToYou, ApiError> {
    own_profile(database, id, &input.code).await?;
    let find = || async {
        db::proposals(database, id)
            .await?
            .into_iter()
            .find(|p| p.id == proposal_id)
            .map(to_you)
            .transpose()?
            .ok_or(ApiError::NotFound)
    };
    let proposal = find().await?;
    let status = if input.accept {
        ProposalStatus::Accepted
    } else {
        ProposalStatus::Declined
    };
    let slot = match (input.accept, proposal.kind) {
        (true, ProposalKind::RecruitingDay) => {
            let slot = input.slot.filter(|s| proposal.slots.contains(s));
            if slot.is_none() && proposal.status == ProposalStatus::Pending {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "slot",
                    "not_a_slot",
                    "Scegli uno degli orari di colloquio del recruiting day.",
                );
                return Err(ApiError::Validation(errors));
            }
            slot.or(input.slot)
        }
        _ => None,
    };
    let same = |p: &ProposalToYou| p.status == status && p.slot == slot;
    if proposal.status != ProposalStatus::Pending {
        return if same(&proposal) {
            Ok(proposal)
        } else {
            Err(already_answered())
        };
    }
    let slot_text = slot.map(|s| sito_core::time::format(&s));
    db::answer(
        database,
        id,
        proposal_id,
        status.into(),
        slot_text.as_deref(),
        &auth::now_text(),
    )
    .await?;
    let proposal = find().await?;
    if same(&proposal) {
        Ok(proposal)
    } else {
        Err(already_answered())
    }
}

/// Deletes every expired profile; answers how many.
pub async fn purge_expired(database: &D1Database) -> Result<usize, ApiError> {
    db::purge_expired(database, &auth::now_text()).await
}
