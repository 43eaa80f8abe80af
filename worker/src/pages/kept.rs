//! The published lists a page is rendered from, kept by this isolate with the head of the change
//! feed they were read at. A request reads the head first (one small query): while it has not
//! moved, nothing was published, changed or retired, so the kept lists are exactly what D1
//! would answer, and a list's search index, built once, serves every query. Any write moves the
//! head, so a publication still shows on the very next request.

use std::{cell::RefCell, rc::Rc};

use sito_app::catalog::Catalog;
use sito_core::ContentKind;

/// At most this many lists are kept (the portal asks for five different sets of kinds).
const MOST_KEPT: usize = 8;

struct Kept {
    kinds: &'static [ContentKind],
    head: u64,
    catalog: Rc<Catalog>,
}

thread_local! {
    static KEPT: RefCell<Vec<Kept>> = const { RefCell::new(Vec::new()) };
}

/// The lists of `kinds` read at `head`, if this isolate kept them.
pub fn get(kinds: &[ContentKind], head: u64) -> Option<Rc<Catalog>> {
    KEPT.with_borrow(|kept| {
        kept.iter()
            .find(|k| k.kinds == kinds && k.head == head)
            .map(|k| k.catalog.clone())
    })
}

/// Keeps the lists of `kinds` read at `head`, in place of older ones of the same kinds.
pub fn keep(kinds: &'static [ContentKind], head: u64, catalog: Rc<Catalog>) {
    KEPT.with_borrow_mut(|kept| {
        kept.retain(|k| k.kinds != kinds);
        if kept.len() >= MOST_KEPT {
            kept.remove(0);
        }
        kept.push(Kept {
            kinds,
            head,
            catalog,
        });
    });
}
