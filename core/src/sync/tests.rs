use super::*;
use proptest::prelude::*;

fn change(seq: u64) -> Change {
    Change {
        seq,
        kind: ContentKind::Opportunity,
        id: format!("o-{seq}"),
        version: 1,
        deleted: false,
        item: Some(RawValue::from_string(format!("{{\"n\":{seq}}}")).unwrap()),
    }
}

#[test]
fn query_defaults_to_the_whole_feed() {
    let request = PullRequest::from_query([]).unwrap();
    assert_eq!(
        request,
        PullRequest {
            since: 0,
            limit: DEFAULT_LIMIT
        }
    );
}

#[test]
fn query_reads_since_and_limit() {
    let request = PullRequest::from_query([("since", "42"), ("limit", "10")]).unwrap();
    assert_eq!(
        request,
        PullRequest {
            since: 42,
            limit: 10
        }
    );
}

#[test]
fn a_page_query_takes_its_own_cursor_name_and_limits() {
    let page = PageQuery::from_query([("after", "7"), ("limit", "2")], "after", 100, 200).unwrap();
    assert_eq!(
        page,
        PageQuery {
            cursor: Some(7),
            limit: 2
        }
    );
    let fresh = PageQuery::from_query([], "after", 100, 200).unwrap();
    assert_eq!(fresh.cursor, None);
    assert_eq!(fresh.limit, 100);
    let errors =
        PageQuery::from_query([("since", "7"), ("limit", "201")], "after", 100, 200).unwrap_err();
    let codes: Vec<_> = errors
        .0
        .iter()
        .map(|e| (e.field.to_string(), e.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [("since", "unknown_parameter"), ("limit", "invalid_limit")]
            .map(|(f, c)| (f.to_owned(), c))
    );
}

#[test]
fn bad_query_parameters_are_named_in_the_errors() {
    let errors =
        PullRequest::from_query([("since", "-1"), ("limit", "0"), ("sincee", "3")]).unwrap_err();
    let fields: Vec<_> = errors
        .0
        .iter()
        .map(|e| (e.field.to_string(), e.code.as_str()))
        .collect();
    assert_eq!(
        fields,
        [
            ("since", "invalid_cursor"),
            ("limit", "invalid_limit"),
            ("sincee", "unknown_parameter")
        ]
        .map(|(f, c)| (f.to_owned(), c))
    );
    assert!(PullRequest::from_query([("limit", "1001")]).is_err());
    assert!(PullRequest::from_query([("since", "abc")]).is_err());
    assert!(PullRequest::from_query([("since", "99999999999999999999")]).is_err());
}

#[test]
fn a_full_page_says_more_is_waiting_and_moves_the_cursor() {
    let page = page(0, 2, false, vec![change(3), change(5), change(9)]);
    assert!(page.more);
    assert_eq!(page.cursor, 5);
    assert_eq!(page.changes.len(), 2);
}

#[test]
fn an_empty_page_keeps_the_cursor() {
    let page = page(17, 100, false, Vec::new());
    assert!(!page.more);
    assert_eq!(page.cursor, 17);
}

#[test]
fn no_change_reply_is_tiny() {
    let json = serde_json::to_string(&page(17, 100, false, Vec::new())).unwrap();
    assert_eq!(
        json,
        r#"{"protocol":1,"cursor":17,"more":false,"changes":[]}"#
    );
}

#[test]
fn tombstones_travel_without_an_item_and_round_trip() {
    let tombstone = Change {
        seq: 8,
        kind: ContentKind::Opportunity,
        id: "gone".into(),
        version: 3,
        deleted: true,
        item: None,
    };
    let json = serde_json::to_string(&page(7, 10, false, vec![tombstone])).unwrap();
    assert_eq!(
        json,
        r#"{"protocol":1,"cursor":8,"more":false,"changes":[{"seq":8,"kind":"opportunity","id":"gone","version":3,"deleted":true}]}"#
    );
    let back: PullResponse = serde_json::from_str(&json).unwrap();
    assert!(back.changes[0].deleted);
    assert!(back.changes[0].item.is_none());
}

#[test]
fn a_page_with_a_kind_from_a_newer_server_keeps_the_known_changes() {
    let json = r#"{"protocol":1,"cursor":12,"more":false,"changes":[
        {"seq":10,"kind":"opportunity","id":"a","version":1,"item":{"n":10}},
        {"seq":11,"kind":"podcast","id":"p","version":1,"item":{"episode":1}},
        {"seq":12,"kind":"guide","id":"g","version":2,"deleted":true}]}"#;
    let page: PullResponse = serde_json::from_str(json).unwrap();
    let kept: Vec<_> = page.changes.iter().map(|c| (c.seq, c.kind)).collect();
    assert_eq!(
        kept,
        [(10, ContentKind::Opportunity), (12, ContentKind::Guide)]
    );
    assert_eq!(page.changes[0].item.as_ref().unwrap().get(), r#"{"n":10}"#);
    assert_eq!(
        page.cursor, 12,
        "the cursor still moves past the skipped change"
    );
}

#[test]
fn a_malformed_change_of_a_known_kind_is_still_an_error() {
    let json = r#"{"protocol":1,"cursor":1,"more":false,"changes":[{"seq":1,"kind":"guide","version":1}]}"#;
    assert!(serde_json::from_str::<PullResponse>(json).is_err());
}

#[test]
fn stale_or_foreign_cursors_need_a_reset() {
    let state = FeedState {
        head: 100,
        purged_through: 40,
    };
    assert!(!state.needs_reset(0), "zero is always a valid start");
    assert!(state.needs_reset(39), "older than purged tombstones");
    assert!(!state.needs_reset(40));
    assert!(!state.needs_reset(100));
    assert!(state.needs_reset(101), "a cursor from another database");
}

proptest! {
    /// Paging through any feed with any page size visits every change once, in order.
    #[test]
    fn paging_visits_every_change_once(
        gaps in proptest::collection::vec(1u64..5, 0..60),
        limit in 1u32..8,
    ) {
        let mut seq = 0;
        let feed: Vec<u64> = gaps.iter().map(|g| { seq += g; seq }).collect();
        let mut cursor = 0;
        let mut seen = Vec::new();
        loop {
            let rows: Vec<Change> = feed
                .iter()
                .filter(|&&s| s > cursor)
                .take(limit as usize + 1)
                .map(|&s| change(s))
                .collect();
            let p = page(cursor, limit, false, rows);
            seen.extend(p.changes.iter().map(|c| c.seq));
            prop_assert!(p.cursor >= cursor);
            cursor = p.cursor;
            if !p.more { break; }
        }
        prop_assert_eq!(seen, feed);
    }
}

/// Where an enum's strum name is its stored and wire name (statuses, kinds, roles…), the two
/// never differ: the worker writes one into D1 and reads it back with the other.
#[test]
fn strum_names_are_the_serde_names() {
    use strum::VariantArray;
    fn check<
        T: VariantArray
            + AsRef<str>
            + serde::Serialize
            + std::str::FromStr
            + PartialEq
            + std::fmt::Debug,
    >() {
        for v in T::VARIANTS {
            let wire = serde_json::to_string(v).unwrap();
            assert_eq!(wire, format!("\"{}\"", v.as_ref()));
            assert_eq!(v.as_ref().parse::<T>().ok().as_ref(), Some(v));
        }
    }
    check::<ContentKind>();
    check::<crate::question::Topic>();
    check::<crate::question::QuestionStatus>();
    check::<crate::account::Role>();
    check::<crate::desk::EntryStatus>();
    check::<crate::proposal::ProposalStatus>();
    check::<crate::cv::Cefr>();
    check::<crate::cv::LetterTemplate>();
}
