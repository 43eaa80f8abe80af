use std::{
    cell::RefCell,
    future::Future,
    pin::pin,
    task::{Context, Poll, Waker},
};

use sito_core::{synthetic::published, Opportunity};

use super::*;
use ContentKind as K;

/// Runs a future whose reads answer at once (no real D1 here).
fn now<T>(future: impl Future<Output = T>) -> T {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(value) => value,
        Poll::Pending => panic!("the lists were read without waiting"),
    }
}

fn opportunities(count: usize) -> Vec<Opportunity> {
    published(count, |md| md.to_owned())
}

/// Reads the lists of the kinds asked for (opportunities: `count` of them) and notes which.
fn read_into(
    asked: &RefCell<Vec<Vec<ContentKind>>>,
    count: usize,
) -> impl FnOnce(Vec<ContentKind>) -> std::future::Ready<Result<Catalog, ApiError>> + '_ {
    move |kinds| {
        let mut lists = Catalog::default();
        if kinds.contains(&K::Opportunity) {
            lists.opportunities = opportunities(count);
        }
        asked.borrow_mut().push(kinds);
        std::future::ready(Ok(lists))
    }
}

#[test]
fn at_the_same_head_the_lists_are_read_once() {
    let asked = RefCell::new(Vec::new());
    let first = now(lists(7, &[K::Opportunity], read_into(&asked, 3))).unwrap();
    let again = now(lists(7, &[K::Opportunity], read_into(&asked, 5))).unwrap();
    assert_eq!(*asked.borrow(), [vec![K::Opportunity]]);
    assert_eq!(again.opportunities.len(), 3);
    assert!(Rc::ptr_eq(&first, &again));
}

#[test]
fn a_page_that_needs_another_kind_reads_only_that_kind_into_the_one_catalog() {
    let asked = RefCell::new(Vec::new());
    now(lists(7, &[K::Opportunity], read_into(&asked, 3))).unwrap();
    let everything = now(lists(
        7,
        &[K::Opportunity, K::Call, K::Guide],
        read_into(&asked, 5),
    ))
    .unwrap();
    assert_eq!(
        *asked.borrow(),
        [vec![K::Opportunity], vec![K::Call, K::Guide]]
    );
    // The opportunities read first are still there, once.
    assert_eq!(everything.opportunities.len(), 3);
    let list = now(lists(7, &[K::Opportunity], read_into(&asked, 5))).unwrap();
    assert!(Rc::ptr_eq(&everything, &list));
    assert_eq!(asked.borrow().len(), 2);
}

#[test]
fn a_moved_head_reads_the_lists_again() {
    let asked = RefCell::new(Vec::new());
    now(lists(7, &[K::Opportunity, K::Call], read_into(&asked, 3))).unwrap();
    let after = now(lists(8, &[K::Opportunity], read_into(&asked, 4))).unwrap();
    assert_eq!(after.opportunities.len(), 4);
    // Nothing read at the old head is kept with the new one.
    now(lists(8, &[K::Call], read_into(&asked, 4))).unwrap();
    assert_eq!(
        *asked.borrow(),
        [
            vec![K::Opportunity, K::Call],
            vec![K::Opportunity],
            vec![K::Call]
        ]
    );
}

#[test]
fn lists_overtaken_by_a_publication_are_answered_whole_and_not_kept() {
    let asked = RefCell::new(Vec::new());
    now(lists(7, &[K::Opportunity], read_into(&asked, 3))).unwrap();
    // While this page reads the calls at head 7, another page keeps the lists of head 8.
    let overtaken = now(lists(7, &[K::Opportunity, K::Call], |kinds| {
        let mut newer = Catalog::default();
        newer.opportunities = opportunities(4);
        keep(8, None, newer, &[K::Opportunity]);
        read_into(&asked, 5)(kinds)
    }))
    .unwrap();
    // The page still gets the opportunities of head 7, with the calls it read.
    assert_eq!(overtaken.opportunities.len(), 3);
    let newer = now(lists(8, &[K::Opportunity], read_into(&asked, 6))).unwrap();
    assert_eq!(newer.opportunities.len(), 4);
}
