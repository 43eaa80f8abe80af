//! The IndexedDB store in a real browser: what a page of the feed leaves on the device.

#![cfg(target_arch = "wasm32")]

use serde_json::json;
use sito_app::store::Store;
use sito_core::{Opportunity, PullResponse};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn opportunity(id: &str, title: &str, version: u32) -> serde_json::Value {
    json!({
        "id": id, "version": version, "kind": "internship", "title": title,
        "organisation": "Informagiovani Cremona", "district": "cremona", "place": "Cremona",
        "summary": "Sei mesi in ufficio.", "description_html": "<p>Tirocinio</p>",
        "deadline": "2027-01-31", "how_to_apply": "Scrivi a info@example.org",
        "updated_at": "2026-11-22T10:00:00Z", "published_by": "Informagiovani Cremona"
    })
}

fn page(value: serde_json::Value) -> PullResponse {
    serde_json::from_value(value).unwrap()
}

/// A database no other test uses.
async fn fresh(name: &str) -> Store {
    Store::open(&format!("{name}-{}", js_sys::Math::random()))
        .await
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_new_device_has_nothing_and_cursor_zero() {
    let store = fresh("empty").await;
    assert_eq!(store.cursor().await.unwrap(), 0);
    assert!(store.opportunities().await.unwrap().is_empty());
    assert_eq!(store.synced_at().await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn a_page_stores_items_and_moves_the_cursor() {
    let store = fresh("apply").await;
    let first = page(json!({
        "protocol": 1, "cursor": 2, "more": false,
        "changes": [
            {"seq": 1, "kind": "opportunity", "id": "a", "version": 1, "item": opportunity("a", "Tirocinio A", 1)},
            {"seq": 2, "kind": "opportunity", "id": "b", "version": 1, "item": opportunity("b", "Tirocinio B", 1)}
        ]
    }));
    store.apply(&first, "2026-11-22T10:00:00Z").await.unwrap();
    assert_eq!(store.cursor().await.unwrap(), 2);
    assert_eq!(
        store.synced_at().await.unwrap().as_deref(),
        Some("2026-11-22T10:00:00Z")
    );
    let titles: Vec<String> = store
        .opportunities()
        .await
        .unwrap()
        .into_iter()
        .map(|o: Opportunity| o.title)
        .collect();
    assert_eq!(titles, ["Tirocinio A", "Tirocinio B"]);
    let b = store.opportunity("b").await.unwrap().unwrap();
    assert_eq!(b.description_html, "<p>Tirocinio</p>");
}

#[wasm_bindgen_test]
async fn updates_replace_and_tombstones_remove() {
    let store = fresh("tombstone").await;
    store
        .apply(
            &page(json!({
                "protocol": 1, "cursor": 2, "more": false,
                "changes": [
                    {"seq": 1, "kind": "opportunity", "id": "a", "version": 1, "item": opportunity("a", "A", 1)},
                    {"seq": 2, "kind": "opportunity", "id": "b", "version": 1, "item": opportunity("b", "B", 1)}
                ]
            })),
            "t1",
        )
        .await
        .unwrap();
    store
        .apply(
            &page(json!({
                "protocol": 1, "cursor": 4, "more": false,
                "changes": [
                    {"seq": 3, "kind": "opportunity", "id": "a", "version": 2, "item": opportunity("a", "A rivisto", 2)},
                    {"seq": 4, "kind": "opportunity", "id": "b", "version": 2, "deleted": true}
                ]
            })),
            "t2",
        )
        .await
        .unwrap();
    let all = store.opportunities().await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].id.as_str(), all[0].title.as_str(), all[0].version),
        ("a", "A rivisto", 2)
    );
    assert!(store.opportunity("b").await.unwrap().is_none());
    assert_eq!(store.cursor().await.unwrap(), 4);
}

#[wasm_bindgen_test]
async fn a_reset_page_replaces_everything() {
    let store = fresh("reset").await;
    store
        .apply(
            &page(json!({
                "protocol": 1, "cursor": 9, "more": false,
                "changes": [{"seq": 9, "kind": "opportunity", "id": "old", "version": 1, "item": opportunity("old", "Vecchia", 1)}]
            })),
            "t1",
        )
        .await
        .unwrap();
    store
        .apply(
            &page(json!({
                "protocol": 1, "cursor": 3, "more": false, "reset": true,
                "changes": [{"seq": 3, "kind": "opportunity", "id": "new", "version": 1, "item": opportunity("new", "Nuova", 1)}]
            })),
            "t2",
        )
        .await
        .unwrap();
    let ids: Vec<String> = store
        .opportunities()
        .await
        .unwrap()
        .into_iter()
        .map(|o| o.id)
        .collect();
    assert_eq!(ids, ["new"]);
    assert_eq!(
        store.cursor().await.unwrap(),
        3,
        "the cursor may move backwards on reset"
    );
}

#[wasm_bindgen_test]
async fn a_first_sync_of_hundreds_lands_whole_and_reads_back_in_order() {
    // More changes than one write transaction holds and more items than one read returns: the
    // page lands whole, later changes in it win over earlier ones, and every item reads back.
    let store = fresh("large").await;
    let mut changes: Vec<serde_json::Value> = (1..=450)
        .map(|n| {
            let id = format!("o{n:04}");
            json!({"seq": n, "kind": "opportunity", "id": id, "version": 1,
                   "item": opportunity(&id, &format!("Tirocinio {n}"), 1)})
        })
        .collect();
    changes.push(
        json!({"seq": 451, "kind": "opportunity", "id": "o0001", "version": 2,
                        "item": opportunity("o0001", "Tirocinio 1 rivisto", 2)}),
    );
    changes.push(
        json!({"seq": 452, "kind": "opportunity", "id": "o0002", "version": 2, "deleted": true}),
    );
    store
        .apply(
            &page(json!({"protocol": 1, "cursor": 452, "more": false, "reset": true, "changes": changes})),
            "t1",
        )
        .await
        .unwrap();
    assert_eq!(store.cursor().await.unwrap(), 452);
    let all = store.opportunities().await.unwrap();
    assert_eq!(all.len(), 449);
    assert_eq!(all[0].title, "Tirocinio 1 rivisto");
    assert_eq!(all[1].id, "o0003");
    assert_eq!(all[448].id, "o0450");
    assert!(
        all.windows(2).all(|w| w[0].id < w[1].id),
        "in id order, once each"
    );
}

#[wasm_bindgen_test]
async fn the_data_survives_reopening_the_database() {
    let name = format!("reopen-{}", js_sys::Math::random());
    let store = Store::open(&name).await.unwrap();
    store
        .apply(
            &page(json!({
                "protocol": 1, "cursor": 1, "more": false,
                "changes": [{"seq": 1, "kind": "opportunity", "id": "kept", "version": 1, "item": opportunity("kept", "Resta", 1)}]
            })),
            "t1",
        )
        .await
        .unwrap();
    drop(store);
    let again = Store::open(&name).await.unwrap();
    assert_eq!(again.cursor().await.unwrap(), 1);
    assert_eq!(
        again.opportunity("kept").await.unwrap().unwrap().title,
        "Resta"
    );
}

#[wasm_bindgen_test]
async fn saved_items_are_kept_newest_first_and_can_be_removed() {
    use sito_core::ContentKind;
    let store = fresh("saved").await;
    store
        .set_saved(ContentKind::Opportunity, "a", true, "2026-11-22T10:00:00Z")
        .await
        .unwrap();
    store
        .set_saved(ContentKind::Guide, "g", true, "2026-11-22T11:00:00Z")
        .await
        .unwrap();
    let keys: Vec<String> = store
        .saved()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.key)
        .collect();
    assert_eq!(keys, ["guide:g", "opportunity:a"]);
    store
        .set_saved(ContentKind::Opportunity, "a", false, "2026-11-22T12:00:00Z")
        .await
        .unwrap();
    let keys: Vec<String> = store
        .saved()
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.key)
        .collect();
    assert_eq!(keys, ["guide:g"]);
}

#[wasm_bindgen_test]
async fn ticked_steps_are_remembered_per_guide() {
    let store = fresh("progress").await;
    assert!(store.ticked_steps("cv").await.unwrap().is_empty());
    store.set_step("cv", 2, true).await.unwrap();
    store.set_step("cv", 0, true).await.unwrap();
    store.set_step("colloquio", 1, true).await.unwrap();
    assert_eq!(store.ticked_steps("cv").await.unwrap(), [0, 2]);
    store.set_step("cv", 2, false).await.unwrap();
    assert_eq!(store.ticked_steps("cv").await.unwrap(), [0]);
    assert_eq!(store.ticked_steps("colloquio").await.unwrap(), [1]);
}

#[wasm_bindgen_test]
async fn every_kind_of_content_lands_in_its_own_store() {
    use sito_core::{Guide, News, Organisation};
    let store = fresh("kinds").await;
    store
        .apply(
            &page(json!({
                "protocol": 1, "cursor": 3, "more": false,
                "changes": [
                    {"seq": 1, "kind": "guide", "id": "cv", "version": 1, "item": {
                        "id": "cv", "version": 1, "area": "job_search", "title": "Il CV",
                        "summary": "s", "body_html": "<p>b</p>", "steps": [{"title": "Passo", "body_html": ""}],
                        "updated_at": "2026-11-20T09:00:00.000Z", "published_by": "p"}},
                    {"seq": 2, "kind": "news", "id": "n", "version": 1, "item": {
                        "id": "n", "version": 1, "title": "Notizia", "summary": "s", "body_html": "",
                        "published_on": "2026-11-20", "updated_at": "2026-11-20T09:00:00.000Z", "published_by": "p"}},
                    {"seq": 3, "kind": "organisation", "id": "o", "version": 1, "item": {
                        "id": "o", "version": 1, "category": "union", "name": "CGIL", "district": "cremona",
                        "town": "Cremona", "address": "Via Roma 1", "description_html": "",
                        "updated_at": "2026-11-20T09:00:00.000Z", "published_by": "p"}}
                ]
            })),
            "t",
        )
        .await
        .unwrap();
    assert_eq!(
        store.all::<Guide>().await.unwrap()[0].steps[0].title,
        "Passo"
    );
    assert_eq!(store.all::<News>().await.unwrap()[0].title, "Notizia");
    assert_eq!(store.all::<Organisation>().await.unwrap()[0].name, "CGIL");
    assert!(store.opportunities().await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn the_outbox_keeps_submissions_across_reopening_oldest_first() {
    use sito_app::store::{OutboxEntry, OutboxState, Receipt, Submission};
    use sito_core::question::{QuestionInput, QuestionReceipt, QuestionStatus, Topic};
    let name = format!("outbox-{}", js_sys::Math::random());
    let entry = |id: &str, at: &str| {
        OutboxEntry::queued(
            id.into(),
            Submission::Question(QuestionInput {
                id: uuid::Uuid::from_u128(u128::from(id.as_bytes()[0])),
                topic: Topic::Other,
                text: "Una domanda abbastanza lunga.".into(),
                nickname: None,
            }),
            at.into(),
        )
    };
    {
        let store = Store::open(&name).await.unwrap();
        store
            .outbox_put(&entry("b", "2026-11-22T10:01:00Z"))
            .await
            .unwrap();
        store
            .outbox_put(&entry("a", "2026-11-22T10:00:00Z"))
            .await
            .unwrap();
    }
    let store = Store::open(&name).await.unwrap();
    let ids: Vec<String> = store
        .outbox()
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(ids, ["a", "b"]);

    let mut sent = entry("a", "2026-11-22T10:00:00Z");
    sent.state = OutboxState::Sent {
        receipt: Receipt::Question(QuestionReceipt {
            code: "ESP-2345-6789".into(),
            status: QuestionStatus::Received,
            asked_at: "2026-11-22T10:00:01Z".parse().unwrap(),
            answer_id: None,
        }),
    };
    store.outbox_put(&sent).await.unwrap();
    let stored = store.outbox().await.unwrap();
    assert_eq!(stored.len(), 2, "replacing an entry does not duplicate it");
    assert_eq!(stored[0], sent);
    assert_eq!(
        stored[0].question_receipt().map(|r| r.code.as_str()),
        Some("ESP-2345-6789")
    );
    store.outbox_delete("a").await.unwrap();
    assert_eq!(store.outbox().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
async fn cvs_and_letters_stay_on_the_device_until_everything_is_deleted() {
    use sito_core::cv::{Cv, Letter};
    let store = fresh("cv").await;
    let cv = |id: &str, at: &str| Cv {
        id: id.into(),
        name: format!("CV {id}"),
        updated_at: at.into(),
        ..Cv::default()
    };
    store
        .put_cv(&cv("old", "2026-11-01T10:00:00Z"))
        .await
        .unwrap();
    store
        .put_cv(&cv("new", "2026-11-20T10:00:00Z"))
        .await
        .unwrap();
    store
        .put_letter(&Letter {
            id: "l".into(),
            cv_id: "new".into(),
            body: "Gentili responsabili".into(),
            ..Letter::default()
        })
        .await
        .unwrap();
    let names: Vec<String> = store
        .cvs()
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.id)
        .collect();
    assert_eq!(names, ["new", "old"], "most recently changed first");
    store.delete_cv("old").await.unwrap();
    assert_eq!(store.cvs().await.unwrap().len(), 1);
    assert_eq!(
        store.letters().await.unwrap()[0].body,
        "Gentili responsabili"
    );
    store.delete_all_cv_data().await.unwrap();
    assert!(store.cvs().await.unwrap().is_empty());
    assert!(store.letters().await.unwrap().is_empty());
}
