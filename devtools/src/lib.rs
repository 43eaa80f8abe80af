//! Turns content into SQL that the local D1 can execute (`wrangler d1 execute --file`). The SQL
//! is idempotent: an item that already exists is left alone, so the dev command can load the
//! demo content on every start without bumping the feed.

pub mod modules;
pub mod year;
pub mod year_activity;

use serde::{de::DeserializeOwned, Deserialize};
use sito_core::{markdown, opportunity::is_valid_id, Content, ContentKind, PublishMeta};

/// One item in a content file: its id plus what an editor would have typed.
#[derive(Debug, Deserialize)]
#[serde(bound = "I: DeserializeOwned")]
pub struct Seed<I> {
    pub id: String,
    #[serde(flatten)]
    pub input: I,
}

/// Who the demo content says published it.
pub const DEMO_PUBLISHER: &str = "Informagiovani Cremona";

fn quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// Published form of a seed item, validated, rendered and sanitised as the worker would;
/// `updated_at` is the RFC 3339 text the SQL stores beside it.
pub fn publish<T: Content>(seed: Seed<T::Input>, updated_at: &str) -> Result<T, String> {
    if !is_valid_id(&seed.id) {
        return Err(format!("{}: not a valid id", seed.id));
    }
    let updated_at = sito_core::time::parse(updated_at)
        .map_err(|e| format!("{updated_at:?} is not an RFC 3339 time: {e}"))?;
    T::validate(&seed.input).map_err(|e| format!("{}: {:?}", seed.id, e.0))?;
    Ok(T::publish(
        seed.id,
        seed.input,
        PublishMeta {
            version: 1,
            updated_at,
            published_by: DEMO_PUBLISHER,
            render: markdown::render,
        },
    ))
}

/// Parses a JSON array of seeds of `T` and returns the SQL that inserts them.
pub fn sql_for<T: Content>(json: &str, updated_at: &str) -> Result<(usize, String), String> {
    let seeds: Vec<Seed<T::Input>> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let count = seeds.len();
    let mut sql = String::new();
    for seed in seeds {
        let input = serde_json::to_value(&seed.input).map_err(|e| e.to_string())?;
        let item: T = publish(seed, updated_at)?;
        let body = serde_json::to_string(&item).map_err(|e| e.to_string())?;
        sql.push_str(&insert_sql(T::KIND, item.id(), &body, updated_at));
        sql.push_str(&entry_sql(
            T::KIND,
            item.id(),
            item.title(),
            &input,
            updated_at,
        ));
    }
    Ok((count, sql))
}

/// SQL that inserts `body` as version 1 with the next change sequence, unless the item exists.
pub fn insert_sql(kind: ContentKind, id: &str, body: &str, updated_at: &str) -> String {
    let kind = quote(kind.as_ref());
    let id = quote(id);
    let absent = format!("NOT EXISTS (SELECT 1 FROM content WHERE kind = {kind} AND id = {id})");
    format!(
        "UPDATE counters SET value = value + 1 WHERE name = 'change_seq' AND {absent};\n\
         INSERT INTO content (kind, id, version, seq, deleted, body, updated_at) \
         SELECT {kind}, {id}, 1, (SELECT value FROM counters WHERE name = 'change_seq'), 0, {body}, {at} \
         WHERE {absent};\n",
        body = quote(body),
        at = quote(updated_at),
    )
}

/// SQL that records the editors' working copy of a published seed item (the desk lists it),
/// unless it exists.
pub fn entry_sql(
    kind: ContentKind,
    id: &str,
    title: &str,
    input: &serde_json::Value,
    updated_at: &str,
) -> String {
    let text = |key: &str| {
        input
            .get(key)
            .and_then(serde_json::Value::as_str)
            .map_or("NULL".to_owned(), quote)
    };
    format!(
        "INSERT INTO entries (kind, id, version, status, input, title, search_text, district, \
         deadline, publisher, updated_at, updated_by) VALUES ({kind}, {id}, 1, 'published', \
         {input}, {title}, {search}, {district}, {deadline}, {publisher}, {at}, 'demo') \
         ON CONFLICT (kind, id) DO NOTHING;\n",
        kind = quote(kind.as_ref()),
        id = quote(id),
        input = quote(&input.to_string()),
        title = quote(title),
        search = quote(&sito_core::desk::search_text(input)),
        district = text("district"),
        deadline = text("deadline"),
        publisher = quote(DEMO_PUBLISHER),
        at = quote(updated_at),
    )
}

/// A password in the form the worker stores and checks (PBKDF2-HMAC-SHA256, the same
/// parameters as the worker's WebCrypto call), with a fresh random salt.
pub fn hash_password(password: &str) -> Result<String, String> {
    use sito_core::account::{PasswordHash, HASH_BYTES, PBKDF2_ITERATIONS, SALT_BYTES};
    let mut salt = [0u8; SALT_BYTES];
    getrandom::fill(&mut salt).map_err(|e| e.to_string())?;
    let mut hash = [0u8; HASH_BYTES];
    pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password.as_bytes(), &salt, PBKDF2_ITERATIONS, &mut hash);
    Ok(PasswordHash {
        iterations: PBKDF2_ITERATIONS,
        salt: salt.to_vec(),
        hash: hash.to_vec(),
    }
    .encode())
}

/// An account to create from the command line.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: sito_core::account::Role,
    pub password: &'a str,
    /// Applicant groups: kind, district and contact person.
    pub group: Option<(&'a str, &'a str, &'a str)>,
}

/// SQL that creates the account unless its e-mail is taken. The id is made in SQL.
pub fn account_sql(account: &NewAccount<'_>, created_at: &str) -> Result<String, String> {
    let mut errors = sito_core::ValidationErrors::default();
    if !sito_core::account::is_plausible_email(account.email) {
        errors.push("email", "invalid_email", "Indirizzo e-mail non valido.");
    }
    sito_core::account::check_new_password(&mut errors, account.password);
    if !errors.is_empty() {
        return Err(errors
            .0
            .iter()
            .map(|e| e.message.clone())
            .collect::<Vec<_>>()
            .join(" "));
    }
    let (group_kind, district, contact) = account.group.map_or(
        ("NULL".to_owned(), "NULL".to_owned(), "NULL".to_owned()),
        |(k, d, c)| (quote(k), quote(d), quote(c)),
    );
    Ok(format!(
        "INSERT INTO accounts (id, email, name, role, password, group_kind, district, \
         contact_person, created_at) VALUES (lower(hex(randomblob(16))), {email}, {name}, {role}, \
         {password}, {group_kind}, {district}, {contact}, {at}) ON CONFLICT (email) DO NOTHING;\n",
        email = quote(&account.email.trim().to_lowercase()),
        name = quote(account.name),
        role = quote(account.role.as_ref()),
        password = quote(&hash_password(account.password)?),
        at = quote(created_at),
    ))
}

/// The development accounts, one per role, that `make dev` prints. Never used in production.
pub const DEMO_ACCOUNTS: [(&str, &str, sito_core::account::Role, &str); 5] = [
    (
        "admin@sito-giovani.test",
        "Amministrazione SI.T.O. Giovani",
        sito_core::account::Role::Admin,
        "demo-admin-2026",
    ),
    (
        "redazione@sito-giovani.test",
        "Informagiovani Cremona",
        sito_core::account::Role::Editor,
        "demo-redazione-2026",
    ),
    (
        "valutazione@sito-giovani.test",
        "Commissione bandi giovani",
        sito_core::account::Role::Reviewer,
        "demo-valutazione-2026",
    ),
    (
        "gruppo@sito-giovani.test",
        "Associazione Giovani in Rete Crema",
        sito_core::account::Role::Applicant,
        "demo-gruppo-2026",
    ),
    (
        "sportello@sito-giovani.test",
        "Sportello Informagiovani Crema",
        sito_core::account::Role::Operator,
        "demo-sportello-2026",
    ),
];

#[cfg(test)]
mod tests {
    use sito_core::VariantArray;
    use sito_core::{Guide, News, Opportunity, Organisation};

    use super::*;

    #[test]
    fn stored_passwords_are_pbkdf2_with_a_fresh_salt() {
        use sito_core::account::PasswordHash;
        let a = hash_password("una-password-lunga").unwrap();
        let b = hash_password("una-password-lunga").unwrap();
        assert_ne!(a, b, "each hash has its own salt");
        let stored = PasswordHash::decode(&a).unwrap();
        let mut again = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(
            b"una-password-lunga",
            &stored.salt,
            stored.iterations,
            &mut again,
        );
        assert!(stored.matches(&again));
        assert!(account_sql(
            &NewAccount {
                email: "x@y.it",
                name: "X",
                role: sito_core::account::Role::Admin,
                password: "corta",
                group: None
            },
            "now"
        )
        .unwrap_err()
        .contains("almeno 10 caratteri"));
    }

    #[test]
    fn quotes_are_doubled_so_text_cannot_escape_the_literal() {
        let sql = insert_sql(
            ContentKind::Opportunity,
            "a",
            r#"{"t":"l'estate'); DROP"}"#,
            "x",
        );
        assert!(sql.contains(r#"'{"t":"l''estate''); DROP"}'"#), "{sql}");
    }

    fn count<T: Content>(json: &str) -> usize {
        sql_for::<T>(json, "2026-11-22T00:00:00Z").unwrap().0
    }

    #[test]
    fn every_demo_item_is_valid_and_the_themes_are_covered() {
        let at = "2026-11-22T00:00:00Z";
        assert!(count::<Opportunity>(include_str!("../../content/demo/opportunities.json")) >= 60);
        assert!(count::<Organisation>(include_str!("../../content/demo/organisations.json")) >= 20);
        assert!(count::<News>(include_str!("../../content/demo/news.json")) >= 10);
        assert!(
            count::<sito_core::recruiting::RecruitingDay>(include_str!(
                "../../content/demo/recruiting_days.json"
            )) >= 1
        );
        let guides: Vec<Seed<sito_core::GuideInput>> =
            serde_json::from_str(include_str!("../../content/demo/guides.json")).unwrap();
        assert_eq!(guides.len(), 24, "every theme of the plan has its guide");
        for area in sito_core::GuideArea::VARIANTS.iter().copied() {
            assert!(guides.iter().any(|g| g.input.area == area), "{area:?}");
        }
        for seed in guides {
            let _: Guide = publish(seed, at).unwrap();
        }
    }
}
