//! Upgrading the store a phone already has: what the young person made stays, synced copies are
//! pulled again.

#![cfg(target_arch = "wasm32")]

use indexed_db_futures::{database::Database, prelude::*, transaction::TransactionMode, KeyPath};
use serde_json::json;
use sito_app::store::Store;
use sito_core::PullResponse;
use wasm_bindgen_test::*;

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
