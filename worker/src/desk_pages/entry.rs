//! Editing one entry: the form, preview, conflicts, and the save itself.

use super::*;

pub(super) enum Notice {
    None,
    Saved,
    Errors(ValidationErrors),
    Preview(Value),
    /// Someone else saved first: their version beside ours.
    Conflict(Box<EntryView>),
}

pub(super) fn editor_page(
    session: &Session,
    kind: ContentKind,
    entry: Option<&EntryView>,
    form: &FormValues,
    notice: &Notice,
) -> Response {
    editor_page_with_history(session, kind, entry, form, notice, &[])
}

pub(super) fn editor_page_with_history(
    session: &Session,
    kind: ContentKind,
    entry: Option<&EntryView>,
    form: &FormValues,
    notice: &Notice,
    history: &[sito_core::desk::AuditEntry],
) -> Response {
    let errors = match notice {
        Notice::Errors(errors) => errors.clone(),
        _ => ValidationErrors::default(),
    };
    let (action, version) = match (entry, notice) {
        (_, Notice::Conflict(current)) => (
            format!("{BASE}/{}/{}", kind.plural(), current.id),
            current.version,
        ),
        (Some(e), _) => (format!("{BASE}/{}/{}", kind.plural(), e.id), e.version),
        (None, _) => (format!("{BASE}/nuovo/{}", kind.plural()), 0),
    };
    let title = match entry {
        Some(e) => e.title.clone(),
        None => format!("Nuovo: {}", kind_label(kind)),
    };
    let status = entry.map(|e| e.status);
    let body = html! {
        p { a href=(BASE) { "← Contenuti" } }
        h1 { (title) }
        @if let Some(entry) = entry {
            p.status {
                (kind_label(kind)) " · " (entry.status.label_it()) " · versione " (entry.version)
                @if let Some(at) = &entry.publish_at { " · pubblicazione programmata: " (rome(*at)) }
                " · ultima modifica " (rome(entry.updated_at)) " di " (entry.updated_by)
            }
        }
        @match notice {
            Notice::Saved => p.ok role="status" { "Salvato." },
            Notice::Conflict(current) => div.error role="alert" {
                p { strong { "Qualcun altro ha modificato questo contenuto mentre lo stavi scrivendo." } }
                p { "Sotto trovi la tua versione (nel modulo) e quella salvata da " (current.updated_by) " alle " (rome(current.updated_at)) ". Confrontale: se salvi ora, la tua versione sostituisce quella salvata." }
            },
            _ => {}
        }
        (error_summary(&errors))
        div.columns[matches!(notice, Notice::Conflict(_) | Notice::Preview(_))] {
            form method="post" action=(action) {
                input type="hidden" name="version" value=(version);
                @if entry.is_none() && !matches!(notice, Notice::Conflict(_)) {
                    label for="id" { "Identificativo nell'indirizzo *" }
                    p.hint #id-hint { "Lettere minuscole, cifre e trattini, per esempio «tirocinio-biblioteca-crema». Lo proponiamo dal titolo mentre lo scrivi; puoi cambiarlo." }
                    @if let Some(e) = errors.for_field("id") { p.field-error { (e.message) } }
                    // `pattern` is compiled with the `v` flag: a dash in a class is escaped.
                    input #id name="id" required pattern="[a-z0-9\\-]{1,64}" maxlength="64" autocomplete="off"
                        aria-describedby="id-hint" data-from=(if kind == ContentKind::Organisation { "name" } else { "title" })
                        value=(form.get("id"));
                    script src={ (BASE) "/identificativo.js" } defer {}
                }
                @for field in fields(kind) {
                    (field_markup(&field, form, &errors))
                }
                fieldset {
                    legend { "Pubblicazione" }
                    label for="publish_at" { "Programma per (data e ora, ora italiana)" }
                    input #publish_at name="publish_at" type="datetime-local" value=(form.get("publish_at"));
                    @if let Some(e) = errors.for_field("publish_at") { p.field-error { (e.message) } }
                    div {
                        button.secondary type="submit" name="azione" value="preview" { "Anteprima" }
                        @if status == Some(EntryStatus::Published) {
                            button type="submit" name="azione" value="publish" { "Aggiorna la pubblicazione" }
                        } @else {
                            button.secondary type="submit" name="azione" value="draft" { "Salva bozza" }
                            button type="submit" name="azione" value="publish" { "Pubblica ora" }
                        }
                        button.secondary type="submit" name="azione" value="schedule" { "Programma" }
                        @if status == Some(EntryStatus::Published) || status == Some(EntryStatus::Scheduled) {
                            button.danger type="submit" name="azione" value="retire" { "Ritira" }
                        }
                        @if entry.is_some() {
                            button.danger type="submit" name="azione" value="delete" { "Elimina" }
                        }
                    }
                }
            }
            @match notice {
                Notice::Preview(item) => section.panel aria-label="Anteprima" {
                    h2 { "Anteprima" }
                    (preview_markup(kind, item))
                },
                Notice::Conflict(current) => section.panel aria-label="Versione salvata" {
                    h2 { "Versione salvata (" (current.status.label_it()) ", versione " (current.version) ")" }
                    (input_markup(kind, &current.input))
                },
                _ => {}
            }
        }
        @if !history.is_empty() {
            details {
                summary { "Storia delle modifiche (" (history.len()) ")" }
                (audit_table(history))
            }
        }
    };
    page(Some(session), "Modifica", body)
}

pub(super) fn field_markup(
    field: &crate::desk_forms::Field,
    form: &FormValues,
    errors: &ValidationErrors,
) -> Markup {
    let value = form.get(field.name);
    let error = errors
        .for_field(field.name)
        .map(|e| e.message.clone())
        .or_else(|| nested_errors(field, errors));
    // A screen reader reads the hint and, after a refused save, the error with the field.
    let hint_id = (!field.hint.is_empty()).then(|| format!("{}-hint", field.name));
    let error_id = error.as_ref().map(|_| format!("{}-error", field.name));
    let described = match (&hint_id, &error_id) {
        (Some(hint), Some(error)) => Some(format!("{hint} {error}")),
        (hint, error) => hint.clone().or_else(|| error.clone()),
    };
    html! {
        label for=(field.name) { (field.label) @if field.required { " *" } }
        @if !field.hint.is_empty() { p.hint id=[hint_id.as_deref()] { (field.hint) } }
        @if let Some(error) = &error { p.field-error id={ (field.name) "-error" } { (error) } }
        @match field.widget {
            Widget::Select { options, optional } => select id=(field.name) name=(field.name) required[field.required] aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")] {
                @if optional || value.is_empty() { option value="" { "—" } }
                @for (option, label) in options() {
                    option value=(option) selected[value == option] { (label) }
                }
            },
            Widget::Area | Widget::Lines | Widget::Criteria | Widget::Sessions | Widget::Companies | Widget::Slots => textarea id=(field.name) name=(field.name) required[field.required] aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")] { (value) },
            Widget::Markdown => textarea.md id=(field.name) name=(field.name) required[field.required] aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")] { (value) },
            Widget::Steps => {
                @let steps = form.steps(field.name);
                @for i in 0..steps.len() + 2 {
                    @let (title, body) = steps.get(i).cloned().unwrap_or_default();
                    fieldset {
                        legend { "Passo " (i + 1) }
                        label for={ (field.name) "." (i) ".title" } { "Titolo del passo" }
                        input id={ (field.name) "." (i) ".title" } name={ (field.name) "." (i) ".title" } value=(title);
                        label for={ (field.name) "." (i) ".body_md" } { "Testo del passo" }
                        textarea id={ (field.name) "." (i) ".body_md" } name={ (field.name) "." (i) ".body_md" } { (body) }
                    }
                }
            },
            _ => input id=(field.name) name=(field.name) value=(value) required[field.required]
                type=(match field.widget { Widget::Date => "date", Widget::DateTime => "datetime-local", Widget::Number => "number", Widget::Url => "url", Widget::Email => "email", _ => "text" })
                aria-describedby=[described.as_deref()] aria-invalid=[error.as_ref().map(|_| "true")];
        }
    }
}

/// The errors inside a field typed as lines (a recruiting day's companies and interview times),
/// each named by its line: «Riga 2, ruolo 1: Campo obbligatorio.».
fn nested_errors(field: &crate::desk_forms::Field, errors: &ValidationErrors) -> Option<String> {
    use sito_core::validation::Segment;
    if !matches!(field.widget, Widget::Companies | Widget::Slots) {
        return None;
    }
    let found: Vec<String> = errors
        .0
        .iter()
        .filter(|e| e.field.head() == Some(field.name))
        .map(|e| {
            let mut place = Vec::new();
            let mut parent = field.name;
            for segment in e.field.segments().iter().skip(1) {
                match segment {
                    Segment::Index(i) if parent == "roles" => {
                        place.push(format!("ruolo {}", i + 1))
                    }
                    Segment::Index(i) if field.name == "slots" => {
                        place.push(format!("orario {}", i + 1))
                    }
                    Segment::Index(i) => place.push(format!("riga {}", i + 1)),
                    Segment::Name(name) => {
                        parent = name;
                        if let Some(word) = match name.as_str() {
                            "name" => Some("nome"),
                            "title" => Some("titolo"),
                            "description" => Some("descrizione"),
                            "positions" => Some("posti"),
                            _ => None,
                        } {
                            place.push(word.to_owned());
                        }
                    }
                }
            }
            let place = place.join(", ");
            match place.get(..1) {
                Some(first) => format!("{}{}: {}", first.to_uppercase(), &place[1..], e.message),
                None => e.message.clone(),
            }
        })
        .collect();
    (!found.is_empty()).then(|| found.join(" "))
}

/// A stored input shown read-only, field by field (the other side of a conflict).
pub(super) fn input_markup(kind: ContentKind, input: &Value) -> Markup {
    let form = from_input(kind, input);
    html! {
        dl {
            @for (name, value) in &form.0 {
                @let label = fields(kind).into_iter().find(|f| f.name == name).map_or(name.as_str(), |f| f.label);
                dt { (label) }
                dd { pre style="white-space:pre-wrap;margin:0" { (value) } }
            }
        }
    }
}

/// The rendered item as phones will get it: each field under its form label, Markdown fields
/// as the sanitised HTML the worker made of them.
pub(super) fn preview_markup(kind: ContentKind, item: &Value) -> Markup {
    let text = |key: &str| {
        item.get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    html! {
        @for field in fields(kind) {
            @match field.widget {
                Widget::Markdown => {
                    @let html_key = field.name.replace("_md", "_html");
                    h3 { (field.label) }
                    div.rendered { (PreEscaped(text(&html_key))) }
                },
                Widget::Steps => {
                    @let steps = item.get("steps").and_then(Value::as_array).cloned().unwrap_or_default();
                    @if !steps.is_empty() {
                        h3 { (field.label) }
                        ol { @for step in &steps {
                            li {
                                strong { (step.get("title").and_then(Value::as_str).unwrap_or_default()) }
                                div.rendered { (PreEscaped(step.get("body_html").and_then(Value::as_str).unwrap_or_default())) }
                            }
                        } }
                    }
                },
                Widget::Money => {
                    @if let Some(cents) = item.get(field.name).and_then(Value::as_i64) {
                        p { strong { (field.label) ": " } (sito_core::budget::Cents(cents)) }
                    }
                },
                Widget::DateTime => {
                    @let value = text(field.name);
                    @if let Ok(at) = sito_core::time::parse(&value) {
                        p { strong { (field.label) ": " } (rome(at)) " (ora italiana)" }
                    } @else if !value.is_empty() {
                        p { strong { (field.label) ": " } (value) }
                    }
                },
                Widget::Criteria => {
                    @let criteria = item.get(field.name).and_then(Value::as_array).cloned().unwrap_or_default();
                    h3 { (field.label) }
                    table {
                        thead { tr { th scope="col" { "Criterio" } th scope="col" { "Peso (su 100)" } } }
                        tbody { @for c in &criteria {
                            tr {
                                td { (c.get("name").and_then(Value::as_str).unwrap_or_default()) }
                                td.num { (c.get("weight").and_then(Value::as_u64).unwrap_or_default()) }
                            }
                        } }
                    }
                },
                Widget::Sessions => {
                    h3 { (field.label) }
                    pre style="white-space:pre-wrap" { (crate::desk_forms::sessions_text(item.get(field.name).unwrap_or(&Value::Null))) }
                },
                Widget::Companies => {
                    h3 { (field.label) }
                    pre style="white-space:pre-wrap" { (crate::desk_forms::companies_text(item.get(field.name).unwrap_or(&Value::Null))) }
                },
                Widget::Slots => {
                    @let times = crate::desk_forms::slots_text(item.get(field.name).unwrap_or(&Value::Null));
                    @if !times.is_empty() { p { strong { (field.label) ": " } (times) } }
                },
                Widget::Select { options, .. } => {
                    @let value = text(field.name);
                    @let label = options().into_iter().find(|(v, _)| *v == value).map_or(value.clone(), |(_, l)| l.to_owned());
                    @if !label.is_empty() { p { strong { (field.label) ": " } (label) } }
                },
                _ => {
                    @let value = match item.get(field.name) {
                        Some(Value::String(s)) => s.clone(),
                        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", "),
                        Some(Value::Null) | None => String::new(),
                        Some(other) => other.to_string(),
                    };
                    @if !value.is_empty() { p { strong { (field.label) ": " } (value) } }
                },
            }
        }
    }
}

pub(super) async fn save_entry(
    db: &D1Database,
    session: &Session,
    kind: ContentKind,
    id: &str,
    entry: Option<EntryView>,
    mut form: FormValues,
) -> Result<Response, ApiError> {
    let base: u32 = form.get("version").parse().unwrap_or(0);
    let azione = form.get("azione").to_owned();
    if azione == "delete" {
        return match editorial::delete(db, &actor(session), kind, id, base).await {
            Ok(()) => Ok(redirect(BASE)),
            Err(ApiError::Conflict { .. }) => {
                let current = editorial::load(db, kind, id)
                    .await?
                    .ok_or(ApiError::NotFound)?;
                Ok(editor_page(
                    session,
                    kind,
                    entry.as_ref(),
                    &form,
                    &Notice::Conflict(Box::new(current)),
                ))
            }
            Err(e) => Err(e),
        };
    }
    let fail = |errors: ValidationErrors, form: &FormValues| {
        Ok(editor_page(
            session,
            kind,
            entry.as_ref(),
            form,
            &Notice::Errors(errors),
        ))
    };
    let input = match to_input(kind, &form) {
        Ok(input) => input,
        Err(errors) => return fail(errors, &form),
    };
    if azione == "preview" {
        return match editorial::preview(kind, id_or_preview(id), &input, &session.account.name) {
            Ok(item) => Ok(editor_page(
                session,
                kind,
                entry.as_ref(),
                &form,
                &Notice::Preview(item),
            )),
            Err(ApiError::Validation(errors)) => fail(errors, &form),
            Err(e) => Err(e),
        };
    }
    let Ok(action) = azione.parse::<SaveAction>() else {
        let mut errors = ValidationErrors::default();
        errors.push("azione", "unknown", "Azione sconosciuta.");
        return fail(errors, &form);
    };
    let publish_at = form.get("publish_at").trim().to_owned();
    let save = SaveEntry {
        action,
        publish_at: if publish_at.is_empty() {
            None
        } else {
            rome_to_utc(&publish_at)
        },
        input,
    };
    if action == SaveAction::Schedule && !publish_at.is_empty() && save.publish_at.is_none() {
        let mut errors = ValidationErrors::default();
        errors.push("publish_at", "invalid_date", "Data e ora non valide.");
        return fail(errors, &form);
    }
    match editorial::save(db, &actor(session), kind, id, base, &save).await {
        Ok(saved) => Ok(redirect(&format!(
            "{BASE}/{}/{}?salvato=1",
            kind.plural(),
            saved.id
        ))),
        Err(ApiError::Validation(errors)) => fail(errors, &form),
        Err(ApiError::Conflict { .. }) => match editorial::load(db, kind, id).await? {
            Some(current) => {
                form.set("version", current.version.to_string());
                Ok(editor_page(
                    session,
                    kind,
                    entry.as_ref(),
                    &form,
                    &Notice::Conflict(Box::new(current)),
                ))
            }
            None => {
                let mut errors = ValidationErrors::default();
                errors.push(
                    "id",
                    "gone",
                    "Questo contenuto è stato eliminato nel frattempo.",
                );
                fail(errors, &form)
            }
        },
        Err(e) => Err(e),
    }
}

pub(super) fn id_or_preview(id: &str) -> &str {
    if id.is_empty() {
        "anteprima"
    } else {
        id
    }
}
