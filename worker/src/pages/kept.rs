//! The published lists pages are rendered from, kept by this isolate in one catalog with the
//! head of the change feed they were read at. A request reads the head first (one small query):
//! while it has not moved, nothing was published, changed or retired, so the kept lists are
//! exactly what D1 would answer, and their search indexes, built once, serve every query. Any
//! write moves the head, so a publication still shows on the very next request.
//!
//! One catalog, whatever the pages asked for: each kind's list is held once (at most the LIMIT
//! of its query), and a page that needs a kind not read yet at this head reads only that kind
//! and adds it.

use std::{cell::RefCell, future::Future, rc::Rc};

use sito_app::catalog::Catalog;
use sito_core::ContentKind;

use crate::error::ApiError;

#[derive(Clone)]
struct Kept {
    head: u64,
    /// The kinds whose lists the catalog holds (a kind read and found empty is held too).
    kinds: Vec<ContentKind>,
    catalog: Rc<Catalog>,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// The published lists of `kinds` at `head`: the kept ones, with those the catalog lacks read
/// by `read` (given the kinds to read, it answers a catalog that holds their lists).
pub async fn lists<F, R>(head: u64, kinds: &[ContentKind], read: R) -> Result<Rc<Catalog>, ApiError>
where
    R: FnOnce(Vec<ContentKind>) -> F,
    F: Future<Output = Result<Catalog, ApiError>>,
{
    let base = KEPT.with_borrow(|kept| kept.as_ref().filter(|k| k.head == head).cloned());
    let missing: Vec<ContentKind> = kinds
        .iter()
        .filter(|kind| base.as_ref().is_none_or(|b| !b.kinds.contains(kind)))
        .copied()
        .collect();
    match base {
        Some(base) if missing.is_empty() => Ok(base.catalog),
        base => {
            let lists = read(missing.clone()).await?;
            Ok(keep(head, base, lists, &missing))
        }
    }
}

/// Adds `lists`, those of `read` at `head`, to the catalog kept at `head` (or to `base`, what
/// was kept at `head` before they were read) and answers it. Lists read at an older head than
/// the one kept now (a slow request overtaken by a publication) are answered, not kept.
fn keep(head: u64, base: Option<Kept>, lists: Catalog, read: &[ContentKind]) -> Rc<Catalog> {
    KEPT.with_borrow_mut(|slot| {
        let newer = slot.as_ref().is_some_and(|k| k.head > head);
        let base = match slot.take() {
            // Kept at the same head meanwhile: it holds at least what `base` held.
            Some(kept) if kept.head == head => {
                drop(base);
                Some(kept)
            }
            other => {
                if newer {
                    *slot = other;
                }
                base
            }
        };
        let (mut kinds, mut catalog) = match base {
            // A request still rendering from the kept catalog shares it: add to a copy.
            Some(b) => (
                b.kinds,
                Rc::try_unwrap(b.catalog).unwrap_or_else(|shared| copy(&shared)),
            ),
            None => (Vec::new(), Catalog::default()),
        };
        let added: Vec<ContentKind> = read
            .iter()
            .filter(|kind| !kinds.contains(kind))
            .copied()
            .collect();
        catalog.take_lists(lists, &added);
        kinds.extend(added);
        let catalog = Rc::new(catalog);
        if !newer {
            *slot = Some(Kept {
                head,
                kinds,
                catalog: catalog.clone(),
            });
        }
        catalog
    })
}

fn copy(catalog: &Catalog) -> Catalog {
    Catalog::new(
        catalog.opportunities.clone(),
        catalog.guides.clone(),
        catalog.news.clone(),
        catalog.organisations.clone(),
        catalog.answers.clone(),
        catalog.calls.clone(),
    )
}

#[cfg(test)]
mod tests;
