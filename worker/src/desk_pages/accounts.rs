//! Accounts: invitations, pending invitations, roles and disabling.

use super::*;

pub(super) async fn accounts_page(
    db: &D1Database,
    session: &Session,
    invited: Option<account::Invited>,
    form: &FormValues,
    errors: &ValidationErrors,
) -> Result<Response, ApiError> {
    let accounts = account::all_accounts(db).await?;
    let pending = account::pending_invitations(db).await?;
    let body = html! {
        h1 { "Account" }
        @if let Some(invited) = &invited {
            div.ok role="status" {
                p { "Invito creato. Manda questo indirizzo alla persona invitata (vale fino al " (invited.expires_at.get(..10).unwrap_or_default()) "):" }
                p { code { (invited.url) } }
            }
        }
        (error_summary(errors))
        h2 { "Invita un membro dello staff" }
        form method="post" action={ (BASE) "/account/invita" } {
            label for="name" { "Nome" }
            input #name name="name" required value=(form.get("name"));
            label for="email" { "E-mail" }
            input #email name="email" type="email" required value=(form.get("email"));
            label for="role" { "Ruolo" }
            select #role name="role" {
                @for role in Role::STAFF {
                    option value=(role.as_ref()) selected[form.get("role") == role.as_ref()] { (role.label_it()) }
                }
            }
            button type="submit" { "Crea l'invito" }
        }
        @if !pending.is_empty() {
            h2 { "Inviti in attesa" }
            table {
                thead { tr { th { "Nome" } th { "E-mail" } th { "Ruolo" } th { "Invitato da" } th { "Scade" } } }
                tbody { @for p in &pending {
                    tr {
                        td { (p.name) }
                        td { (p.email) }
                        td { (p.role.parse::<Role>().ok().map_or(p.role.as_ref(), |r| r.label_it())) }
                        td { (p.invited_by) }
                        td { (p.expires_at.get(..10).unwrap_or(&p.expires_at)) }
                    }
                } }
            }
        }
        h2 { "Tutti gli account" }
        table {
            thead { tr { th { "Nome" } th { "E-mail" } th { "Ruolo" } th { "Stato" } th { "Azioni" } } }
            tbody { @for a in &accounts {
                tr {
                    td { (a.name) }
                    td { (a.email) }
                    td { (a.role.label_it()) }
                    td { @if a.disabled { "Disattivato" } @else { "Attivo" } }
                    td {
                        @if a.id != session.account.id {
                            form method="post" action={ (BASE) "/account/" (a.id) } {
                                @if a.role != Role::Applicant {
                                    label for={ "role-" (a.id) } { "Ruolo di " (a.name) }
                                    select id={ "role-" (a.id) } name="role" {
                                        @for role in Role::STAFF {
                                            option value=(role.as_ref()) selected[a.role == role] { (role.label_it()) }
                                        }
                                    }
                                    button.secondary type="submit" { "Cambia ruolo" }
                                }
                                @if a.disabled {
                                    button.secondary type="submit" name="disabled" value="0" { "Riattiva" }
                                } @else {
                                    button.danger type="submit" name="disabled" value="1" { "Disattiva" }
                                }
                            }
                        }
                    }
                }
            } }
        }
    };
    Ok(page(Some(session), "Account", body))
}
