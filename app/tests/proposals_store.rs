//! The IndexedDB store and the calls for projects: the upgrade from version 3 keeps everything
//! the young person made, drafts survive reopening, and calls arrive through the feed.

#![cfg(target_arch = "wasm32")]

use indexed_db_futures::{database::Database, prelude::*, transaction::TransactionMode, KeyPath};
use serde_json::json;
use sito_app::store::{DraftRecord, OutboxEntry, OutboxState, Store, Submission};
use sito_core::{
    account::{AccountView, Role},
    cv::Cv,
    proposal::{LineDraft, ProposalDraft, ProposalSummary},
    Call, PullResponse,
};
use wasm_bindgen_test::*;

mod support;
use support::{proposal, question};

wasm_bindgen_test_configure!(run_in_browser);

fn name(prefix: &str) -> String {
    format!("{prefix}-{}", js_sys::Math::random())
}

fn call(id: &str) -> serde_json::Value {
    json!({
        "id": id, "version": 1, "title": "Think Town 2027", "summary": "Idee dei giovani.",
        "description_html": "<p>Il bando</p>", "eligible": "both", "age_min": 16, "age_max": 30,
        "district": null, "ceiling": 500000, "cofinancing_percent": 20,
        "criteria": [{"name": "Qualità", "weight": 100}],
        "opens_at": "2027-01-10T08:00:00Z", "closes_at": "2027-03-31T10:00:00Z",
        "attachments": [], "updated_at": "2027-01-01T00:00:00Z", "published_by": "Informagiovani"
    })
}

#[wasm_bindgen_test]
async fn upgrading_from_version_3_keeps_user_data_and_pulls_again_for_calls() {
    let name = name("upgrade-v3");
    {
        // The version-3 layout, as phones have it before this version.
        let db = Database::open(name.as_str())
            .with_version(3u32)
            .with_on_upgrade_needed(|_, db| {
                for store in ["opportunity", "guide", "news", "organisation", "answer"] {
                    db.create_object_store(store)
                        .with_key_path(KeyPath::from("id"))
                        .build()?;
                }
                db.create_object_store("meta").build()?;
                db.create_object_store("saved")
                    .with_key_path(KeyPath::from("key"))
                    .build()?;
                db.create_object_store("progress")
                    .with_key_path(KeyPath::from("guide"))
                    .build()?;
                for store in ["outbox", "cv", "letters"] {
                    db.create_object_store(store)
                        .with_key_path(KeyPath::from("id"))
                        .build()?;
                }
                Ok(())
            })
            .await
            .unwrap();
        let tx = db
            .transaction(["saved", "meta", "outbox", "cv", "progress"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .unwrap();
        tx.object_store("saved")
            .unwrap()
            .put(json!({"key": "opportunity:x", "kind": "opportunity", "id": "x", "saved_at": "2026-11-01T09:00:00Z"}))
            .serde()
            .unwrap();
        tx.object_store("progress")
            .unwrap()
            .put(json!({"guide": "cv", "steps": [1, 2]}))
            .serde()
            .unwrap();
        // An outbox entry written by the version-3 app (without the fields added since).
        tx.object_store("outbox")
            .unwrap()
            .put(
                json!({"id": "q1", "endpoint": "/api/v1/questions", "body": question(1),
                "state": "queued", "attempts": 2, "created_at": "2026-11-01T09:00:00Z"}),
            )
            .serde()
            .unwrap();
        tx.object_store("cv")
            .unwrap()
            .put(
                serde_json::to_value(Cv {
                    id: "mio".into(),
                    name: "Il mio CV".into(),
                    ..Cv::default()
                })
                .unwrap(),
            )
            .serde()
            .unwrap();
        tx.object_store("meta")
            .unwrap()
            .put(42f64)
            .with_key("cursor")
            .build()
            .unwrap();
        tx.commit().await.unwrap();
        db.close();
    }
    let store = Store::open(&name).await.unwrap();
    assert_eq!(store.saved().await.unwrap()[0].id, "x");
    assert_eq!(store.ticked_steps("cv").await.unwrap(), [1, 2]);
    let outbox = store.outbox().await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(
        (outbox[0].id.as_str(), &outbox[0].state),
        ("q1", &OutboxState::Queued { attempts: 2 })
    );
    assert_eq!(outbox[0].question(), Some(&question(1)));
    assert_eq!(store.cvs().await.unwrap()[0].name, "Il mio CV");
    assert_eq!(
        store.cursor().await.unwrap(),
        0,
        "the next pull starts again from zero and brings the calls"
    );
    assert!(store.all::<Call>().await.unwrap().is_empty());
    assert!(store.drafts().await.unwrap().is_empty());

    // The calls then arrive like any other kind.
    let page: PullResponse = serde_json::from_value(json!({
        "protocol": 1, "cursor": 7, "more": false,
        "changes": [{"seq": 7, "kind": "call", "id": "think-town-2027", "version": 1, "item": call("think-town-2027")}]
    }))
    .unwrap();
    store.apply(&page, "2027-01-12T10:00:00Z").await.unwrap();
    let calls = store.all::<Call>().await.unwrap();
    assert_eq!(calls[0].ceiling.to_string(), "5.000,00 €");
}

fn draft(id: u128, title: &str, at: &str) -> DraftRecord {
    let mut d = ProposalDraft::new(uuid::Uuid::from_u128(id), "think-town-2027", at);
    d.title = title.into();
    d.lines = vec![LineDraft {
        unit_cost: "1.234,50".into(),
        quantity: "2".into(),
        ..LineDraft::default()
    }];
    DraftRecord::new(d, None)
}

#[wasm_bindgen_test]
async fn drafts_persist_as_typed_across_reopening_newest_first() {
    let name = name("drafts");
    {
        let store = Store::open(&name).await.unwrap();
        store
            .put_draft(&draft(1, "Cinema sul fiume", "2027-01-12T10:00:00Z"))
            .await
            .unwrap();
        let mut sent = draft(2, "Orto in piazza", "2027-01-13T10:00:00Z");
        sent.locked = true;
        sent.draft.revision = 1;
        store.put_draft(&sent).await.unwrap();
        store
            .outbox_put(&OutboxEntry::queued(
                format!("{}:1", sent.id),
                proposal(sent.draft.id, 1),
                "2027-01-13T10:00:00Z".into(),
            ))
            .await
            .unwrap();
    }
    let store = Store::open(&name).await.unwrap();
    let drafts = store.drafts().await.unwrap();
    let titles: Vec<&str> = drafts.iter().map(|d| d.draft.title.as_str()).collect();
    assert_eq!(titles, ["Orto in piazza", "Cinema sul fiume"]);
    assert!(drafts[0].locked && drafts[0].draft.revision == 1);
    let first = store
        .draft(&uuid::Uuid::from_u128(1).to_string())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.draft.lines[0].unit_cost, "1.234,50", "kept as typed");
    assert_eq!(first, draft(1, "Cinema sul fiume", "2027-01-12T10:00:00Z"));
    assert_eq!(
        store.outbox().await.unwrap()[0].id,
        format!("{}:1", drafts[0].id)
    );

    store.delete_draft(&first.id).await.unwrap();
    assert_eq!(store.drafts().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn the_servers_answers_are_kept_until_sign_out() {
    let store = Store::open(&name("cache")).await.unwrap();
    let list = vec![ProposalSummary {
        id: uuid::Uuid::from_u128(7),
        call_id: "think-town-2027".into(),
        call_title: "Think Town 2027".into(),
        protocol: "PG-2027-00001".into(),
        title: "Cinema sul fiume".into(),
        revision: 1,
        status: sito_core::proposal::ProposalStatus::Submitted,
        submitted_at: sito_core::time::parse("2027-01-12T10:00:00Z").unwrap(),
    }];
    store.cache_put("list", &list).await.unwrap();
    let back: Option<Vec<ProposalSummary>> = store.cache_get("list").await.unwrap();
    assert_eq!(back.unwrap(), list);
    store.cache_clear().await.unwrap();
    let gone: Option<Vec<ProposalSummary>> = store.cache_get("list").await.unwrap();
    assert!(gone.is_none());
}

#[wasm_bindgen_test]
async fn on_a_shared_device_a_group_sees_its_own_drafts_and_claims_those_begun_signed_out() {
    let store = Store::open(&name("owners")).await.unwrap();
    let mut theirs = draft(1, "Cinema sul fiume", "2027-01-12T10:00:00Z");
    theirs.owner = Some("gruppo-a".into());
    store.put_draft(&theirs).await.unwrap();
    store
        .put_draft(&draft(2, "Orto in piazza", "2027-01-13T10:00:00Z"))
        .await
        .unwrap();
    let mut waiting = OutboxEntry::queued(
        format!("{}:1", uuid::Uuid::from_u128(2)),
        proposal(uuid::Uuid::from_u128(2), 1),
        "2027-01-13T10:00:00Z".into(),
    );
    waiting.state = OutboxState::WaitingForSignIn { attempts: 0 };
    store.outbox_put(&waiting).await.unwrap();
    let asked = OutboxEntry::queued(
        "domanda".into(),
        Submission::Question(question(3)),
        "2027-01-13T10:00:00Z".into(),
    );
    store.outbox_put(&asked).await.unwrap();

    // Signed out: only the draft that belongs to nobody.
    assert_eq!(store.signed_in_account().await, None);
    let visible = |drafts: &[DraftRecord], account: Option<&str>| {
        drafts
            .iter()
            .filter(|d| d.visible_to(account))
            .map(|d| d.draft.title.clone())
            .collect::<Vec<_>>()
    };
    let drafts = store.drafts().await.unwrap();
    assert_eq!(visible(&drafts, None), ["Orto in piazza"]);

    // Group B signs in on the same device: it claims the unowned draft and its waiting
    // submission, and never sees group A's.
    let group_b = AccountView {
        id: "gruppo-b".into(),
        email: "b@example.org".into(),
        name: "Gruppo B".into(),
        role: Role::Applicant,
        disabled: false,
        group: None,
    };
    store
        .sign_in(&group_b, |d| d.group_name = "Gruppo B".into())
        .await
        .unwrap();
    assert_eq!(store.signed_in_account().await.as_deref(), Some("gruppo-b"));
    let drafts = store.drafts().await.unwrap();
    assert_eq!(
        drafts[0].draft.group_name, "Gruppo B",
        "what the draft leaves blank about the group is filled in"
    );
    assert_eq!(visible(&drafts, Some("gruppo-b")), ["Orto in piazza"]);
    assert_eq!(visible(&drafts, Some("gruppo-a")), ["Cinema sul fiume"]);
    assert!(
        visible(&drafts, None).is_empty(),
        "signed out, nothing shows"
    );
    let owners: Vec<_> = store
        .outbox()
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.id, e.owner))
        .collect();
    assert!(owners.contains(&(waiting.id.clone(), Some("gruppo-b".into()))));
    assert!(
        owners.contains(&("domanda".into(), None)),
        "a question to the expert is anyone's to send"
    );
}

#[wasm_bindgen_test]
async fn a_staff_account_signing_in_claims_nothing() {
    let store = Store::open(&name("staff")).await.unwrap();
    store
        .put_draft(&draft(1, "Orto in piazza", "2027-01-13T10:00:00Z"))
        .await
        .unwrap();
    let editor = AccountView {
        id: "redazione".into(),
        email: "r@example.org".into(),
        name: "Redazione".into(),
        role: Role::Editor,
        disabled: false,
        group: None,
    };
    store.sign_in(&editor, |_| unreachable!()).await.unwrap();
    assert_eq!(
        store.signed_in_account().await.as_deref(),
        Some("redazione")
    );
    assert_eq!(store.drafts().await.unwrap()[0].owner, None);
}
