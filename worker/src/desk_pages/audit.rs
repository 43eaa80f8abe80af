//! The audit log as the desk shows it.

use super::*;

pub(super) fn audit_table(lines: &[sito_core::desk::AuditEntry]) -> Markup {
    html! {
        table {
            thead { tr { th { "Quando" } th { "Chi" } th { "Azione" } th { "Contenuto" } th { "Prima → dopo" } } }
            tbody {
                @for line in lines {
                    tr {
                        td { (rome(line.at)) }
                        td { (line.actor) }
                        td { (action_label(&line.action)) }
                        td { (line.kind) " / " (line.item_id) }
                        td {
                            details {
                                summary { (state_of(&line.before)) " → " (state_of(&line.after)) }
                                pre style="white-space:pre-wrap" { "Prima: " (line.before.as_ref().map(Value::to_string).unwrap_or_else(|| "—".into())) }
                                pre style="white-space:pre-wrap" { "Dopo: " (line.after.as_ref().map(Value::to_string).unwrap_or_else(|| "—".into())) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub(super) fn state_of(state: &Option<Value>) -> String {
    match state {
        None => "—".into(),
        Some(v) => {
            let status = v
                .get("status")
                .and_then(Value::as_str)
                .and_then(|s: &str| s.parse::<EntryStatus>().ok());
            let version = v.get("version").and_then(Value::as_u64).unwrap_or(0);
            format!("{} v{version}", status.map_or("?", EntryStatus::label_it))
        }
    }
}

pub(super) fn action_label(action: &str) -> &str {
    match action {
        "save_draft" => "bozza salvata",
        "publish" => "pubblicato",
        "schedule" => "programmato",
        "retire" => "ritirato",
        "delete" => "eliminato",
        other => other,
    }
}

pub(super) fn audit_page(lines: &[sito_core::desk::AuditEntry]) -> Markup {
    html! { h1 { "Registro delle modifiche" } (audit_table(lines)) }
}
