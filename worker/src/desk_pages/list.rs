//! The content list: full-text search and filters.

use super::*;
use sito_core::VariantArray;

pub(super) fn list_page(
    pairs: &[(String, String)],
    errors: &ValidationErrors,
    query: &DeskQuery,
    items: &[sito_core::desk::EntrySummary],
    more: bool,
) -> Markup {
    let value = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map_or(String::new(), |(_, v)| v.clone())
    };
    let next_page = {
        let mut next: Vec<(String, String)> = pairs
            .iter()
            .filter(|(k, _)| k != "pagina")
            .cloned()
            .collect();
        next.push(("pagina".into(), (query.page + 2).to_string()));
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(next)
            .finish()
    };
    html! {
        h1 { "Contenuti" }
        p {
            "Nuovo: "
            @for kind in [ContentKind::Opportunity, ContentKind::Guide, ContentKind::News, ContentKind::Organisation] {
                a href={ (BASE) "/nuovo/" (kind.plural()) } { (kind_label(kind)) } " · "
            }
            a href={ (BASE) "/nuovo/" (ContentKind::RecruitingDay.plural()) } { "Nuovo recruiting day" }
        }
        (error_summary(errors))
        form.filters method="get" action=(BASE) role="search" {
            div { label for="q" { "Cerca" } input #q name="q" type="search" value=(value("q")); }
            div { label for="tipo" { "Tipo" }
                select #tipo name="tipo" {
                    option value="" { "Tutti" }
                    @for kind in ContentKind::VARIANTS.iter().copied() {
                        option value=(kind.plural()) selected[value("tipo") == kind.plural()] { (kind_label(kind)) }
                    }
                }
            }
            div { label for="stato" { "Stato" }
                select #stato name="stato" {
                    option value="" { "Tutti" }
                    @for status in EntryStatus::VARIANTS.iter().copied() {
                        option value=(status.as_ref()) selected[value("stato") == status.as_ref()] { (status.label_it()) }
                    }
                }
            }
            div { label for="territorio" { "Territorio" }
                select #territorio name="territorio" {
                    option value="" { "Tutti" }
                    @for district in District::VARIANTS.iter().copied() {
                        option value=(district.as_ref()) selected[value("territorio") == district.as_ref()] { (district.label_it()) }
                    }
                }
            }
            div { label for="scadenza_entro" { "Scadenza entro" }
                input #scadenza_entro name="scadenza_entro" type="date" value=(value("scadenza_entro"));
            }
            button type="submit" { "Filtra" }
        }
        @if items.is_empty() {
            p { "Nessun contenuto corrisponde." }
        } @else {
            table {
                thead { tr { th { "Titolo" } th { "Tipo" } th { "Stato" } th { "Scadenza" } th { "Ultima modifica" } } }
                tbody {
                    @for item in items {
                        tr {
                            td { a href={ (BASE) "/" (item.kind.plural()) "/" (item.id) } { (item.title) } }
                            td { (kind_label(item.kind)) }
                            td.status {
                                (item.status.label_it())
                                @if let Some(at) = &item.publish_at { " · " (rome(*at)) }
                            }
                            td { (item.deadline.as_deref().unwrap_or("—")) }
                            td { (rome(item.updated_at)) " · " (item.updated_by) }
                        }
                    }
                }
            }
            @if more { p { a href={ (BASE) "?" (next_page) } { "Pagina successiva" } } }
        }
    }
}
