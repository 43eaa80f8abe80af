//! A year of generated activity for measuring the monitoring report (`seed year`): 10,000
//! opportunities published through the year (each with its audit line), 3,000 questions (most
//! answered, some declined), 400 proposals from 250 groups to 5 calls, a year of reach
//! counters, the open opportunities the daily cron would have written at each month's end, and
//! the labs and desk appointments of `year_activity`.
//! Deterministic: the same SQL every run for the same end time.

use chrono::{DateTime, Datelike, Duration, Utc};
use sito_core::{synthetic::synthetic, ContentKind, Opportunity};

use crate::{entry_sql, insert_sql, publish, quote, Seed};

pub const OPPORTUNITIES: usize = 10_000;
pub const QUESTIONS: usize = 3_000;
pub const PROPOSALS: usize = 400;
pub const GROUPS: usize = 250;
pub const CALLS: usize = 5;

/// A small linear congruential generator: enough spread for figures, no dependency.
pub struct Spread(u64);

impl Spread {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

const TOPICS: [&str; 9] = [
    "work_and_contracts",
    "internships",
    "training_and_skills",
    "cv_and_interview",
    "self_employment",
    "volunteering_and_camps",
    "abroad",
    "work_and_family",
    "other",
];
const BODIES: [&str; 4] = [
    "Informagiovani Cremona",
    "Centro per l'Impiego di Crema",
    "Informagiovani Casalmaggiore",
    "Sportello Lavoro Provincia",
];

fn at(t: DateTime<Utc>) -> String {
    quote(&sito_core::time::format(&t))
}

/// The SQL of a year of activity ending at `end`.
pub fn year_sql(end: DateTime<Utc>) -> Result<String, String> {
    let start = end - Duration::days(365);
    let mut spread = Spread(17);
    let mut sql = String::new();
    // (first published, deadline, district) of every opportunity, for the daily aggregates.
    let mut open = vec![];
    for n in 0..OPPORTUNITIES {
        let published = start + Duration::minutes(spread.next(365 * 24 * 60) as i64);
        let when = sito_core::time::format(&published);
        let (id, mut input) = synthetic(n);
        let id = format!("anno-{id}");
        input.deadline =
            Some((published + Duration::days(10 + spread.next(80) as i64)).date_naive());
        let value = serde_json::to_value(&input).map_err(|e| e.to_string())?;
        open.push((published, input.deadline, value["district"].clone()));
        let item: Opportunity = publish(Seed { id, input }, &when)?;
        let body = serde_json::to_string(&item).map_err(|e| e.to_string())?;
        sql.push_str(&insert_sql(
            ContentKind::Opportunity,
            &item.id,
            &body,
            &when,
        ));
        sql.push_str(&entry_sql(
            ContentKind::Opportunity,
            &item.id,
            &item.title,
            &value,
            &when,
        ));
        sql.push_str(&format!(
            "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
             VALUES ({}, 'seed', 'publish', 'opportunity', {}, NULL, NULL);\n",
            quote(&when),
            quote(&item.id)
        ));
    }
    for n in 0..QUESTIONS {
        let asked = start + Duration::minutes(spread.next(365 * 24 * 60) as i64);
        let topic = TOPICS[spread.next(TOPICS.len() as u64) as usize];
        let (status, answered_by, answered_at) = match spread.next(10) {
            0 => ("declined", "NULL".to_owned(), "NULL".to_owned()),
            1 => ("received", "NULL".to_owned(), "NULL".to_owned()),
            _ => (
                "published",
                quote(BODIES[spread.next(BODIES.len() as u64) as usize]),
                at(asked + Duration::minutes(30 + spread.next(14 * 24 * 60) as i64)),
            ),
        };
        sql.push_str(&format!(
            "INSERT OR IGNORE INTO questions (id, code, topic, text, status, answered_by, asked_at, \
             answered_at, updated_at) VALUES ('anno-q-{n}', 'ANNO-{n:05}', '{topic}', \
             'Domanda generata per misurare il monitoraggio.', '{status}', {answered_by}, {asked}, \
             {answered_at}, {asked});\n",
            asked = at(asked),
        ));
    }
    for g in 0..GROUPS {
        sql.push_str(&format!(
            "INSERT OR IGNORE INTO accounts (id, email, name, role, password, group_kind, district, \
             contact_person, created_at) VALUES ('anno-g-{g}', 'anno-gruppo-{g}@sito-giovani.test', \
             'Gruppo generato {g}', 'applicant', 'disabilitato', 'association', 'crema', 'Referente', {});\n",
            at(start)
        ));
    }
    for p in 0..PROPOSALS {
        let submitted = start + Duration::minutes(spread.next(365 * 24 * 60) as i64);
        let requested = 100_000 + 1_000 * spread.next(400) as i64;
        let (status, decision) = match spread.next(4) {
            0 => ("in_review", "NULL, NULL, NULL"),
            1 => ("in_review", "'funded', requested, published"),
            2 => ("in_review", "'not_funded', NULL, published"),
            _ => ("submitted", "NULL, NULL, NULL"),
        };
        let decision = decision
            .replace("requested", &(requested * 8 / 10).to_string())
            .replace("published", &at(submitted + Duration::days(30)));
        sql.push_str(&format!(
            "INSERT OR IGNORE INTO proposals (id, account_id, call_id, protocol_seq, protocol, revision, \
             body, body_hash, title, group_name, total, requested, status, first_submitted_at, \
             submitted_at, updated_at, decision, decision_amount, decision_published_at) VALUES \
             ('anno-p-{p}', 'anno-g-{g}', 'anno-bando-{c}', {seq}, 'PG-ANNO-{p:05}', 1, '{{}}', '-', \
             'Proposta generata {p}', 'Gruppo generato {g}', {total}, {requested}, '{status}', {when}, \
             {when}, {when}, {decision});\n",
            g = spread.next(GROUPS as u64),
            c = spread.next(CALLS as u64),
            seq = 1_000_000 + p,
            total = requested * 5 / 4,
            when = at(submitted),
        ));
    }
    // What the daily cron would have written on the last day of every past month of the year.
    let mut month_end = start.date_naive();
    while month_end < end.date_naive() {
        let next = month_end + Duration::days(1);
        if next.day() == 1 {
            let end_at = next.and_hms_opt(0, 0, 0).expect("midnight").and_utc();
            for district in [
                "cremona",
                "crema",
                "casalmaggiore",
                "province",
                "italy",
                "abroad",
            ] {
                let count = open
                    .iter()
                    .filter(|(published, deadline, d)| {
                        *published < end_at
                            && deadline.is_none_or(|d| d >= month_end)
                            && d == district
                    })
                    .count();
                sql.push_str(&format!(
                    "INSERT OR REPLACE INTO open_daily (day, district, open) VALUES ('{month_end}', '{district}', {count});\n"
                ));
            }
        }
        month_end = next;
    }
    sql.push_str(&crate::year_activity::activity_sql(
        start,
        end,
        &mut spread,
    )?);
    for d in 0..365 {
        let day = (start + Duration::days(d)).date_naive();
        sql.push_str(&format!(
            "INSERT OR IGNORE INTO reach_daily (day, pulls, first_pulls) VALUES ('{day}', {}, {});\n",
            200 + spread.next(300),
            spread.next(12)
        ));
    }
    Ok(sql)
}
