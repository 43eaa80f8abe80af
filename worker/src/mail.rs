//! The messages the worker sends. Each is written to the D1 table `mail_outbox` in the same
//! batch as what it tells of, and to the worker's log: development reads them there (README
//! "Sign-up"), and a mail sender delivers them from the table in production.

use worker::{D1Database, D1PreparedStatement};

use crate::{auth, db, error::ApiError};

/// One message to one address, in Italian.
pub struct Mail {
    pub to: String,
    pub subject: &'static str,
    pub body: String,
}

impl Mail {
    /// The statement that writes the message to the outbox, for the caller's batch.
    pub fn queue(&self, db: &D1Database) -> Result<D1PreparedStatement, ApiError> {
        db::mail::queue(db, &self.to, self.subject, &self.body, &auth::now_text())
    }

    /// Writes the message to the worker's log (the `wrangler dev` terminal in development).
    pub fn log(&self) {
        worker::console_log!("mail to {}: {}\n{}", self.to, self.subject, self.body);
    }
}

/// The link that activates a group's new account.
pub fn confirm_sign_up(to: &str, group: &str, origin: &str, token: &str, days: i64) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Attiva l'account del tuo gruppo su SI.T.O. Giovani",
        body: format!(
            "Ciao,\n\nqualcuno (speriamo tu) ha registrato il gruppo «{group}» su SI.T.O. Giovani \
             con questo indirizzo.\n\nPer attivare l'account apri questo link entro {days} giorni:\n\
             {origin}/proposte/conferma/{token}\n\n\
             Se non sei stato tu, ignora questo messaggio: senza il link l'account non esiste."
        ),
    }
}

/// Tells the owner of an account that someone tried to sign up again with its address.
pub fn already_registered(to: &str, origin: &str) -> Mail {
    Mail {
        to: to.to_owned(),
        subject: "Il tuo indirizzo ha già un account su SI.T.O. Giovani",
        body: format!(
            "Ciao,\n\nqualcuno ha provato a registrare un gruppo su SI.T.O. Giovani con questo \
             indirizzo, che ha già un account. Nessun nuovo account è stato creato.\n\n\
             Se eri tu, accedi con la tua password da {origin}/proposte; se non la ricordi, \
             scrivi a Informagiovani.\n\nSe non eri tu, non devi fare nulla: il tuo account è \
             com'era."
        ),
    }
}
