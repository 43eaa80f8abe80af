//! D1 access for the monitoring report: every figure of one period in one batch, each query
//! bounded by the period on an indexed column (migrations/0007_monitoring.sql); and the reach
//! counter the sync feed bumps.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;

use crate::error::ApiError;

/// What the queries are bound to.
pub struct Bounds<'a> {
    /// The period's first instant and the instant after its last day, as D1 stores times.
    pub from_at: &'a str,
    pub until_at: &'a str,
    /// The period's first and last day (`2026-01-01`), for dates and the reach counters.
    pub from_day: &'a str,
    pub to_day: &'a str,
    /// The district's stored name, or none for all.
    pub district: Option<&'a str>,
    /// `[[month key, the instant after its last day, its last day], …]` as JSON.
    pub month_ends: &'a str,
    /// Published entries last saved before this instant are stale.
    pub stale_before: &'a str,
}

#[derive(Deserialize)]
pub struct PublishedRow {
    pub month: String,
    pub kind: String,
    pub district: String,
    pub count: u32,
}

#[derive(Deserialize)]
pub struct MonthRow {
    pub month: String,
    pub count: u32,
}

#[derive(Deserialize)]
pub struct CountRow {
    pub name: String,
    pub count: u32,
}

#[derive(Deserialize)]
pub struct AnswerRow {
    pub topic: String,
    pub body: String,
    pub minutes: i64,
}

#[derive(Deserialize)]
pub struct ProposalRow {
    pub call_id: String,
    pub call_title: Option<String>,
    pub status: String,
    pub count: u32,
    pub requested: i64,
    pub granted: i64,
}

#[derive(Deserialize)]
pub struct ReachRow {
    pub day: String,
    pub pulls: u32,
    pub first_pulls: u32,
}

/// A lab whose first session falls in the period, with its sign-ups counted.
#[derive(Deserialize)]
pub struct LabRow {
    pub lab_id: String,
    pub title: String,
    pub first_session: String,
    pub places_offered: u32,
    pub confirmed: u32,
    pub waiting: u32,
    pub attended: u32,
    pub cancelled: u8,
    pub attendance_marked: u8,
}

/// The appointment slots of one topic in the period, with their bookings counted.
#[derive(Deserialize)]
pub struct AppointmentRow {
    pub topic: String,
    pub slots: u32,
    pub booked: u32,
    pub cancelled: u32,
    pub marked: u32,
    pub attended: u32,
}

/// Every row the report is made of.
pub struct Rows {
    pub published: Vec<PublishedRow>,
    pub open: Vec<MonthRow>,
    pub guides_updated: u32,
    pub stale: Vec<CountRow>,
    pub questions: Vec<CountRow>,
    pub answers: Vec<AnswerRow>,
    pub proposals: Vec<ProposalRow>,
    pub first_time_groups: u32,
    pub reach: Vec<ReachRow>,
    pub labs: Vec<LabRow>,
    pub appointments: Vec<AppointmentRow>,
}

/// An opportunity counts in the month of its first publication: the earliest "publish" line of
/// the audit log for it (scheduled ones included). Months are those of the stored UTC time.
const PUBLISHED: &str = "SELECT substr(MIN(a.at), 1, 7) AS month, \
     json_extract(e.input, '$.kind') AS kind, COALESCE(e.district, 'province') AS district \
     FROM audit_log a INDEXED BY audit_by_action JOIN entries e ON e.kind = 'opportunity' AND e.id = a.item_id \
     WHERE a.action = 'publish' AND a.kind = 'opportunity' AND a.at >= ?1 AND a.at < ?2 \
     AND (?3 IS NULL OR e.district = ?3) \
     AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.kind = 'opportunity' \
       AND b.item_id = a.item_id AND b.action = 'publish' AND b.at < ?1) \
     GROUP BY a.item_id";

/// Opportunities open at the instant `{end_at}` (the start of the day after `{end_day}`): first
/// published before it, not retired by then, deadline not passed; `{district}` narrows them.
/// Two counts, with and without a deadline, so that each reads a range of `entries_by_deadline`.
fn open_at(end_at: &str, end_day: &str, district: &str) -> String {
    let count = |deadline: &str| {
        format!(
            "(SELECT COUNT(*) FROM entries e WHERE e.kind = 'opportunity' AND {deadline} \
             AND e.status IN ('published', 'retired') AND {district} \
             AND (SELECT MIN(at) FROM audit_log WHERE kind = 'opportunity' AND item_id = e.id \
               AND action = 'publish') < {end_at} \
             AND NOT EXISTS (SELECT 1 FROM audit_log r WHERE r.kind = 'opportunity' \
               AND r.item_id = e.id AND r.action = 'retire' AND r.at < {end_at} \
               AND NOT EXISTS (SELECT 1 FROM audit_log p WHERE p.kind = 'opportunity' \
                 AND p.item_id = e.id AND p.action = 'publish' AND p.at > r.at AND p.at < {end_at})))"
        )
    };
    format!(
        "{} + {}",
        count(&format!("e.deadline >= {end_day}")),
        count("e.deadline IS NULL")
    )
}

/// Open at each month's end: from the cron's daily rows when it wrote that day, counted
/// otherwise.
fn open_by_month() -> String {
    format!(
        "WITH months AS (SELECT json_extract(value, '$[0]') AS month, \
           json_extract(value, '$[1]') AS end_at, json_extract(value, '$[2]') AS end_day \
           FROM json_each(?4)) \
         SELECT m.month AS month, COALESCE( \
           (SELECT SUM(open) FROM open_daily WHERE day = m.end_day \
             AND (?3 IS NULL OR district = ?3) HAVING COUNT(*) > 0), \
           ({})) AS count \
         FROM months m ORDER BY m.month",
        open_at("m.end_at", "m.end_day", "(?3 IS NULL OR e.district = ?3)")
    )
}

/// Labs published (or published and since retired) whose first session, the earliest
/// `starts_at` of their stored input, falls in the period. Labs are read by the `entries` key
/// (`kind = 'lab'`): a few hundred a year at most, each one's sessions read from its own JSON;
/// its sign-ups are counted on `lab_signups_by_status`, its cancelling and marked attendance
/// found by key (`lab_state`, `audit_by_item_action`).
const LABS: &str = "WITH l AS MATERIALIZED (SELECT e.id AS id, e.title AS title, \
       json_extract(e.input, '$.max_places') AS places, \
       (SELECT MIN(json_extract(s.value, '$.starts_at')) FROM json_each(e.input, '$.modules') m, \
         json_each(m.value, '$.sessions') s) AS first_session \
       FROM entries e WHERE e.kind = 'lab' AND e.status IN ('published', 'retired')) \
     SELECT l.id AS lab_id, l.title AS title, l.first_session AS first_session, \
     l.places AS places_offered, \
     (SELECT COUNT(*) FROM lab_signups s WHERE s.lab_id = l.id AND s.status = 'confirmed') AS confirmed, \
     (SELECT COUNT(*) FROM lab_signups s WHERE s.lab_id = l.id AND s.status = 'waiting') AS waiting, \
     (SELECT COUNT(*) FROM lab_signups s WHERE s.lab_id = l.id AND s.status = 'confirmed' \
       AND s.attended = 1) AS attended, \
     EXISTS (SELECT 1 FROM lab_state t WHERE t.lab_id = l.id AND t.cancelled_at IS NOT NULL) AS cancelled, \
     EXISTS (SELECT 1 FROM audit_log a WHERE a.kind = 'lab' AND a.item_id = l.id \
       AND a.action = 'attendance') AS attendance_marked \
     FROM l WHERE l.first_session >= ?1 AND l.first_session < ?2 ORDER BY l.first_session, l.id";

/// The desk's slots starting in the period (`appointment_slots_by_start`) and their bookings
/// (`appointments_by_slot`), per topic. At most one booking of a slot is `booked`.
const APPOINTMENTS: &str = "SELECT s.topic AS topic, COUNT(DISTINCT s.id) AS slots, \
     COALESCE(SUM(a.status = 'booked'), 0) AS booked, \
     COALESCE(SUM(a.status = 'cancelled'), 0) AS cancelled, \
     COALESCE(SUM(a.status = 'booked' AND a.attended IS NOT NULL), 0) AS marked, \
     COALESCE(SUM(a.status = 'booked' AND a.attended = 1), 0) AS attended \
     FROM appointment_slots s LEFT JOIN appointments a ON a.slot_id = s.id \
     WHERE s.starts_at >= ?1 AND s.starts_at < ?2 GROUP BY s.topic ORDER BY s.topic";

impl Rows {
    pub async fn read(db: &D1Database, b: &Bounds<'_>) -> Result<Rows, ApiError> {
        let district = b.district.map_or(JsValue::NULL, JsValue::from_str);
        let period: [JsValue; 2] = [b.from_at.into(), b.until_at.into()];
        let statements = vec![
            db.prepare(format!(
                "SELECT month, kind, district, COUNT(*) AS count FROM ({PUBLISHED}) \
                 GROUP BY month, kind, district ORDER BY month, kind, district"
            ))
            .bind(&[period[0].clone(), period[1].clone(), district.clone()])?,
            db.prepare(open_by_month()).bind(&[
                period[0].clone(),
                period[1].clone(),
                district,
                b.month_ends.into(),
            ])?,
            db.prepare(
                "SELECT COUNT(*) AS count, 'guide' AS name FROM entries \
                 WHERE updated_at >= ?1 AND updated_at < ?2 AND kind = 'guide'",
            )
            .bind(&period)?,
            db.prepare(
                "SELECT kind AS name, COUNT(*) AS count FROM entries \
                 WHERE status = 'published' AND updated_at < ?1 GROUP BY kind ORDER BY kind",
            )
            .bind(&[b.stale_before.into()])?,
            db.prepare(
                "SELECT status AS name, COUNT(*) AS count FROM questions \
                 WHERE asked_at >= ?1 AND asked_at < ?2 GROUP BY status",
            )
            .bind(&period)?,
            db.prepare(
                "SELECT topic, COALESCE(answered_by, '') AS body, \
                 CAST((julianday(answered_at) - julianday(asked_at)) * 1440 AS INTEGER) AS minutes \
                 FROM questions WHERE asked_at >= ?1 AND asked_at < ?2 \
                 AND status IN ('answered', 'published') AND answered_at IS NOT NULL",
            )
            .bind(&period)?,
            db.prepare(
                "SELECT p.call_id AS call_id, \
                 (SELECT json_extract(c.body, '$.title') FROM content c \
                   WHERE c.kind = 'call' AND c.id = p.call_id AND c.deleted = 0) AS call_title, \
                 CASE WHEN p.decision IS NOT NULL AND p.decision_published_at IS NOT NULL \
                   THEN p.decision ELSE p.status END AS status, \
                 COUNT(*) AS count, SUM(p.requested) AS requested, \
                 SUM(CASE WHEN p.decision = 'funded' AND p.decision_published_at IS NOT NULL \
                   THEN COALESCE(p.decision_amount, 0) ELSE 0 END) AS granted \
                 FROM proposals p WHERE p.first_submitted_at >= ?1 AND p.first_submitted_at < ?2 \
                 GROUP BY 1, 3 ORDER BY 1, 3",
            )
            .bind(&period)?,
            db.prepare(
                "SELECT COUNT(*) AS count, 'groups' AS name FROM \
                 (SELECT DISTINCT account_id FROM proposals \
                   WHERE first_submitted_at >= ?1 AND first_submitted_at < ?2) p \
                 WHERE NOT EXISTS (SELECT 1 FROM proposals q \
                   WHERE q.account_id = p.account_id AND q.first_submitted_at < ?1)",
            )
            .bind(&period)?,
            db.prepare(
                "SELECT day, pulls, first_pulls FROM reach_daily \
                 WHERE day >= ?1 AND day <= ?2 ORDER BY day",
            )
            .bind(&[b.from_day.into(), b.to_day.into()])?,
            db.prepare(LABS).bind(&period)?,
            db.prepare(APPOINTMENTS).bind(&period)?,
        ];
        let results = db.batch(statements).await?;
        let [published, open, guides, stale, questions, answers, proposals, groups, reach, labs, appointments] =
            results.as_slice()
        else {
            return Err(ApiError::Storage("batch answered the wrong count".into()));
        };
        let single = |rows: Vec<CountRow>| rows.first().map_or(0, |r| r.count);
        Ok(Rows {
            published: published.results()?,
            open: open.results()?,
            guides_updated: single(guides.results()?),
            stale: stale.results()?,
            questions: questions.results()?,
            answers: answers.results()?,
            proposals: proposals.results()?,
            first_time_groups: single(groups.results()?),
            reach: reach.results()?,
            labs: labs.results()?,
            appointments: appointments.results()?,
        })
    }
}

/// Counts one pull of the feed on `day`, and one first pull when it started from nothing.
pub async fn count_pull(db: &D1Database, day: &str, first: bool) -> Result<(), ApiError> {
    db.prepare(
        "INSERT INTO reach_daily (day, pulls, first_pulls) VALUES (?1, 1, ?2) \
         ON CONFLICT (day) DO UPDATE SET pulls = pulls + 1, \
         first_pulls = first_pulls + excluded.first_pulls",
    )
    .bind(&[day.into(), JsValue::from(u32::from(first))])?
    .run()
    .await?;
    Ok(())
}

/// Writes the opportunities open at the end of `day` (the instant `end_at`), one row per
/// district, zero included; writing a day again replaces its rows.
pub async fn write_open_day(
    db: &D1Database,
    day: &str,
    end_at: &str,
    districts: &str,
) -> Result<(), ApiError> {
    db.prepare(format!(
        "INSERT INTO open_daily (day, district, open) \
         SELECT ?1, d.value, ({}) FROM json_each(?3) d WHERE true \
         ON CONFLICT (day, district) DO UPDATE SET open = excluded.open",
        open_at("?2", "?1", "COALESCE(e.district, 'province') = d.value")
    ))
    .bind(&[day.into(), end_at.into(), districts.into()])?
    .run()
    .await?;
    Ok(())
}
