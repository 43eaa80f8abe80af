//! Upgrading the store a phone already has: what the young person made stays, synced copies are
//! pulled again.

#![cfg(target_arch = "wasm32")]

use indexed_db_futures::{database::Database, prelude::*, transaction::TransactionMode, KeyPath};
use serde_json::json;
use sito_app::store::{OutboxState, Receipt, Store, Submission};
use sito_core::{api::ProblemCode, PullResponse};
use wasm_bindgen_test::*;

mod support;
use support::{proposal_body, proposal_submission, question};

wasm_bindgen_test_configure!(run_in_browser);

fn opportunity(id: &str, title: &str) -> serde_json::Value {
    json!({
        "id": id, "version": 1, "kind": "internship", "title": title,
        "organisation": "Informagiovani Cremona", "district": "cremona", "place": "Cremona",
        "summary": "Sei mesi in ufficio.", "description_html": "<p>Tirocinio</p>",
        "deadline": "2027-01-31", "how_to_apply": "Scrivi a info@example.org",
        "updated_at": "2026-11-22T10:00:00Z", "published_by": "Informagiovani Cremona"
    })
}

/// A database in an older layout: `by_id` stores keyed by their `id` field, `plain` ones with
/// keys of their own, with one saved item, the cursor at 42 and `synced` objects stored as
/// that version kept them.
async fn old_database(
    version: u32,
    by_id: &'static [&'static str],
    plain: &'static [&'static str],
    synced: &[serde_json::Value],
) -> String {
    let name = format!("upgrade{version}-{}", js_sys::Math::random());
    let db = Database::open(name.as_str())
        .with_version(version)
        .with_on_upgrade_needed(move |_, db| {
            for store in by_id {
                db.create_object_store(store)
                    .with_key_path(KeyPath::from("id"))
                    .build()?;
            }
            for store in plain {
                db.create_object_store(store).build()?;
            }
            db.create_object_store("saved")
                .with_key_path(KeyPath::from("key"))
                .build()?;
            db.create_object_store("progress")
                .with_key_path(KeyPath::from("guide"))
                .build()?;
            Ok(())
        })
        .await
        .unwrap();
    let tx = db
        .transaction(["saved", "meta", "opportunity"])
        .with_mode(TransactionMode::Readwrite)
        .build()
        .unwrap();
    tx.object_store("saved")
        .unwrap()
        .put(json!({"key": "opportunity:a", "kind": "opportunity", "id": "a", "saved_at": "2026-11-01T09:00:00Z"}))
        .serde()
        .unwrap();
    for item in synced {
        tx.object_store("opportunity")
            .unwrap()
            .put(item)
            .serde()
            .unwrap();
    }
    tx.object_store("meta")
        .unwrap()
        .put(42f64)
        .with_key("cursor")
        .build()
        .unwrap();
    tx.commit().await.unwrap();
    db.close();
    name
}

#[wasm_bindgen_test]
async fn upgrading_from_version_2_keeps_saved_items_and_pulls_again_for_answers() {
    let name = old_database(
        2,
        &["opportunity", "guide", "news", "organisation"],
        &["meta"],
        &[],
    )
    .await;
    let store = Store::open(&name).await.unwrap();
    let saved = store.saved().await.unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].id, "a");
    assert_eq!(
        store.cursor().await.unwrap(),
        0,
        "the next pull starts again from zero"
    );
    assert!(store.all::<sito_core::Answer>().await.unwrap().is_empty());
    assert!(store.outbox().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn upgrading_from_version_4_keeps_saved_items_and_pulls_the_items_again_as_text() {
    let by_id = &[
        "opportunity",
        "guide",
        "news",
        "organisation",
        "answer",
        "call",
        "outbox",
        "cv",
        "letters",
        "proposals",
    ];
    let name = old_database(
        4,
        by_id,
        &["meta", "proposal_cache"],
        &[opportunity("a", "Tirocinio A")],
    )
    .await;
    let store = Store::open(&name).await.unwrap();
    assert_eq!(
        store.saved().await.unwrap()[0].id,
        "a",
        "what the person saved stays"
    );
    assert_eq!(
        store.cursor().await.unwrap(),
        0,
        "the next pull starts again from zero"
    );
    assert!(store.opportunities().await.unwrap().is_empty());
    let page: PullResponse = serde_json::from_value(json!({
        "protocol": 1, "cursor": 1, "more": false,
        "changes": [{"seq": 1, "kind": "opportunity", "id": "a", "version": 1, "item": opportunity("a", "Tirocinio A")}]
    }))
    .unwrap();
    store.apply(&page, "t1").await.unwrap();
    assert_eq!(
        store.opportunity("a").await.unwrap().unwrap().title,
        "Tirocinio A"
    );
}

#[wasm_bindgen_test]
async fn upgrading_from_version_5_reads_the_outbox_into_typed_submissions_and_states() {
    let by_id = &["outbox", "cv", "letters", "proposals"];
    let plain = &[
        "opportunity",
        "guide",
        "news",
        "organisation",
        "answer",
        "call",
        "meta",
        "proposal_cache",
    ];
    let name = old_database(5, by_id, plain, &[]).await;
    let draft = uuid::Uuid::from_u128(9);
    let question_entry = |id: &str, n: u128, at: &str| {
        json!({"id": id, "endpoint": "/api/v1/questions", "body": question(n), "attempts": 0,
            "created_at": at, "needs_sign_in": false, "owner": null})
    };
    let proposal_entry = |revision: u32, at: &str| {
        json!({"id": format!("{draft}:{revision}"), "endpoint": "/api/v1/proposals",
            "body": {"id": draft, "revision": revision, "call_id": "think-town-2027", "body": proposal_body()},
            "created_at": at, "owner": "gruppo-a"})
    };
    let mut entries = vec![
        // Waiting for the network, after three tries.
        json!({"state": "queued", "attempts": 3}),
        // Sent, with the expert's code.
        json!({"state": "sent", "receipt": {"code": "ESP-2345-6789", "status": "received",
            "asked_at": "2026-11-02T09:00:00Z"}}),
        // Waiting for the group to sign in.
        json!({"state": "queued", "needs_sign_in": true}),
        // Refused, with the text shown and one field error.
        json!({"state": "refused", "code": "validation_failed",
            "problem": "La proposta non è valida. Scrivi il titolo.",
            "errors": [{"field": "title", "code": "required", "message": "Scrivi il titolo."}]}),
        // Sent, with its protocol number.
        json!({"state": "sent", "receipt": {"id": draft, "protocol": "PG-2027-00042", "revision": 3,
            "submitted_at": "2026-11-05T09:00:00Z", "status": "submitted"}}),
    ];
    let bases = [
        question_entry("q1", 1, "2026-11-01T09:00:00Z"),
        question_entry("q2", 2, "2026-11-02T09:00:00Z"),
        proposal_entry(1, "2026-11-03T09:00:00Z"),
        proposal_entry(2, "2026-11-04T09:00:00Z"),
        proposal_entry(3, "2026-11-05T09:00:00Z"),
    ];
    for (entry, base) in entries.iter_mut().zip(bases) {
        let mut full = base;
        for (key, value) in entry.as_object().unwrap() {
            full[key] = value.clone();
        }
        *entry = full;
    }
    // An entry no version of the app could have made: it stays where it was.
    entries.push(
        json!({"id": "x", "endpoint": "/api/v1/altro", "body": {}, "state": "queued",
        "created_at": "2026-11-06T09:00:00Z"}),
    );
    {
        let db = Database::open(name.as_str()).await.unwrap();
        let tx = db
            .transaction("outbox")
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        for entry in &entries {
            tx.object_store("outbox")
                .unwrap()
                .put(entry)
                .serde()
                .unwrap();
        }
        tx.commit().await.unwrap();
        db.close();
    }

    let store = Store::open(&name).await.unwrap();
    let outbox = store.outbox().await.unwrap();
    let ids: Vec<&str> = outbox.iter().map(|e| e.id.as_str()).collect();
    let (one, two, three) = (
        format!("{draft}:1"),
        format!("{draft}:2"),
        format!("{draft}:3"),
    );
    assert_eq!(
        ids,
        ["q1", "q2", one.as_str(), two.as_str(), three.as_str()]
    );
    assert_eq!(outbox[0].state, OutboxState::Queued { attempts: 3 });
    assert_eq!(outbox[0].question(), Some(&question(1)));
    assert_eq!(
        outbox[1].question_receipt().map(|r| r.code.as_str()),
        Some("ESP-2345-6789")
    );
    assert_eq!(
        outbox[2].state,
        OutboxState::WaitingForSignIn { attempts: 0 }
    );
    let Submission::Proposal(sent) = &outbox[2].submission else {
        panic!("a proposal stays a proposal: {:?}", outbox[2].submission);
    };
    assert_eq!(sent.read().unwrap(), proposal_submission(draft, 1));
    assert_eq!(outbox[2].owner.as_deref(), Some("gruppo-a"));
    let OutboxState::Refused { problem } = &outbox[3].state else {
        panic!("refused stays refused: {:?}", outbox[3].state);
    };
    assert_eq!(problem.code, ProblemCode::ValidationFailed);
    assert_eq!(problem.errors[0].field, "title");
    assert_eq!(
        outbox[3].refusal_text().as_deref(),
        Some("La proposta non è valida. Scrivi il titolo."),
        "the refusal reads as it did"
    );
    assert!(matches!(
        &outbox[4].state,
        OutboxState::Sent { receipt: Receipt::Proposal(r) } if r.protocol == "PG-2027-00042"
    ));
    // The old store keeps only what could not be read.
    drop(store);
    let db = Database::open(name.as_str()).await.unwrap();
    let tx = db.transaction("outbox").build().unwrap();
    let left: Vec<serde_json::Value> = tx
        .object_store("outbox")
        .unwrap()
        .get_all()
        .serde()
        .unwrap()
        .await
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["id"], "x");
}

#[wasm_bindgen_test]
async fn upgrading_from_version_7_keeps_everything_and_pulls_again_for_the_recruiting_days() {
    let name = old_database(
        7,
        &["cv", "letters", "proposals"],
        &[
            "opportunity",
            "guide",
            "news",
            "organisation",
            "answer",
            "call",
            "lab",
            "meta",
            "proposal_cache",
            "submissions",
        ],
        &[],
    )
    .await;
    let store = Store::open(&name).await.unwrap();
    assert_eq!(
        store.saved().await.unwrap()[0].id,
        "a",
        "what the person saved stays"
    );
    assert_eq!(
        store.cursor().await.unwrap(),
        0,
        "the next pull starts again from zero"
    );
    let day = json!({
        "id": "rd-1", "version": 1, "title": "Recruiting day", "summary": "Aziende che assumono.",
        "description_html": "<p>Porta il curriculum.</p>", "district": "cremona",
        "place": "Centro per l'Impiego di Cremona", "starts_at": "2027-03-18T08:00:00Z",
        "ends_at": "2027-03-18T12:00:00Z", "age_min": null, "age_max": null,
        "companies": [{"name": "Trattoria del Po", "sector": null,
            "roles": [{"title": "Cameriere/a", "description": "", "positions": 3}]}],
        "slots": ["2027-03-18T08:30:00Z"], "organiser": "Centro per l'Impiego di Cremona",
        "updated_at": "2027-02-01T10:00:00Z", "published_by": "Centro per l'Impiego di Cremona"
    });
    let page: PullResponse = serde_json::from_value(json!({
        "protocol": 1, "cursor": 1, "more": false,
        "changes": [{"seq": 1, "kind": "recruiting_day", "id": "rd-1", "version": 1, "item": day}]
    }))
    .unwrap();
    store.apply(&page, "t1").await.unwrap();
    let days = store.recruiting_days().await.unwrap();
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].companies[0].roles[0].positions, 3);
}
