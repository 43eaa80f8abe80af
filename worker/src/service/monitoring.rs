//! The monitoring report of a period: the rows D1 answers (`db::monitoring`), made into
//! `sito_core::monitoring::Report`, which the desk's page, its CSV files and its JSON document
//! all show.

use chrono::{DateTime, Days, NaiveDate, Utc};
use sito_core::{
    monitoring::{
        activity::{
            ActivityFigures, AppointmentCounts, AppointmentFigures, LabCount, LabFigures,
            TopicAppointments,
        },
        answer_times, CallProposals, ContentFigures, KindCount, MonthCount, Period,
        ProposalFigures, PublishedCount, QuestionFigures, ReachDay, Report, STALE_AFTER_DAYS,
    },
    opportunity::District,
    stored,
};
use worker::D1Database;

use crate::{
    db::monitoring::{Bounds, Rows},
    error::ApiError,
};

/// The first instant of an Italian day, as D1 stores times.
fn start_of(day: NaiveDate) -> String {
    use chrono::TimeZone;
    let local = day.and_hms_opt(0, 0, 0).expect("midnight");
    let utc = chrono_tz::Europe::Rome
        .from_local_datetime(&local)
        .earliest()
        .map_or_else(|| local.and_utc(), |t| t.with_timezone(&Utc));
    sito_core::time::format(&utc)
}

fn day_after(day: NaiveDate) -> NaiveDate {
    day.checked_add_days(Days::new(1)).unwrap_or(day)
}

/// Reads and assembles the report of `period` (opportunities of `district` only, if given).
pub async fn report(
    db: &D1Database,
    period: Period,
    district: Option<District>,
    now: DateTime<Utc>,
) -> Result<Report, ApiError> {
    let month_ends: Vec<(String, String, String)> = period
        .months()
        .into_iter()
        .map(|m| {
            let last = m.last_day();
            (m.key(), start_of(day_after(last)), last.to_string())
        })
        .collect();
    let month_ends =
        serde_json::to_string(&month_ends).map_err(|e| ApiError::Storage(e.to_string()))?;
    let district_name = district
        .map(|d| serde_json::to_value(d).map(|v| v.as_str().unwrap_or_default().to_owned()))
        .transpose()
        .map_err(|e| ApiError::Storage(e.to_string()))?;
    let stale_before = sito_core::time::format(&(now - chrono::Duration::days(STALE_AFTER_DAYS)));
    let bounds = Bounds {
        from_at: &start_of(period.from),
        until_at: &start_of(day_after(period.to)),
        from_day: &period.from.to_string(),
        to_day: &period.to.to_string(),
        district: district_name.as_deref(),
        month_ends: &month_ends,
        stale_before: &stale_before,
    };
    let rows = Rows::read(db, &bounds).await?;
    assemble(period, district, rows)
}

/// The report from its rows: stored names read into their types, answer times computed.
fn assemble(period: Period, district: Option<District>, rows: Rows) -> Result<Report, ApiError> {
    let published = rows
        .published
        .into_iter()
        .map(|r| {
            Ok(PublishedCount {
                month: r.month,
                kind: stored::parse("opportunity kind", &r.kind)?,
                district: stored::parse("district", &r.district)?,
                count: r.count,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let stale = rows
        .stale
        .into_iter()
        .map(|r| {
            Ok(KindCount {
                kind: stored::parse("content kind", &r.name)?,
                count: r.count,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let count_of = |names: &[&str]| {
        rows.questions
            .iter()
            .filter(|r| names.contains(&r.name.as_str()))
            .map(|r| r.count)
            .sum::<u32>()
    };
    let questions = QuestionFigures {
        received: rows.questions.iter().map(|r| r.count).sum(),
        answered: count_of(&["answered", "published"]),
        declined: count_of(&["declined"]),
        by_topic: answer_times(rows.answers.iter().map(|a| (a.topic.as_str(), a.minutes))),
        by_body: answer_times(rows.answers.iter().map(|a| (a.body.as_str(), a.minutes))),
    };
    let reach = rows
        .reach
        .into_iter()
        .map(|r| {
            Ok(ReachDay {
                day: stored::parse("day", &r.day)?,
                pulls: r.pulls,
                first_pulls: r.first_pulls,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let activity = activity(rows.labs, rows.appointments)?;
    Ok(Report {
        period,
        district,
        content: ContentFigures {
            published,
            open_at_month_end: rows
                .open
                .into_iter()
                .map(|r| MonthCount {
                    month: r.month,
                    count: r.count,
                })
                .collect(),
            guides_updated: rows.guides_updated,
            stale_after_days: STALE_AFTER_DAYS,
            stale,
        },
        questions,
        proposals: ProposalFigures {
            by_call: rows
                .proposals
                .into_iter()
                .map(|r| CallProposals {
                    call_id: r.call_id,
                    call_title: r.call_title,
                    status: r.status,
                    count: r.count,
                    requested: r.requested,
                    granted: r.granted,
                })
                .collect(),
            first_time_groups: rows.first_time_groups,
        },
        reach,
        activity,
    })
}

/// Labs and appointment topics read into their types; totals and rates from `core`.
fn activity(
    labs: Vec<crate::db::monitoring::LabRow>,
    appointments: Vec<crate::db::monitoring::AppointmentRow>,
) -> Result<ActivityFigures, ApiError> {
    let labs = labs
        .into_iter()
        .map(|r| {
            Ok(LabCount {
                first_session: sito_core::time::parse(&r.first_session)
                    .map_err(|e| ApiError::Storage(format!("lab session time: {e}")))?,
                lab_id: r.lab_id,
                title: r.title,
                places_offered: r.places_offered,
                confirmed: r.confirmed,
                waiting: r.waiting,
                cancelled: r.cancelled != 0,
                attendance_marked: r.attendance_marked != 0,
                attended: r.attended,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    let by_topic = appointments
        .into_iter()
        .map(|r| {
            Ok(TopicAppointments {
                topic: stored::parse("appointment topic", &r.topic)?,
                counts: AppointmentCounts {
                    slots: r.slots,
                    booked: r.booked,
                    cancelled: r.cancelled,
                    marked: r.marked,
                    attended: r.attended,
                    attendance_rate_pct: None,
                },
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(ActivityFigures {
        labs: LabFigures::new(labs),
        appointments: AppointmentFigures::new(by_topic),
    })
}

/// The cron's daily aggregate: the opportunities open at the end of the Italian day before
/// `now`, per district (`open_daily`). Returns the day written.
pub async fn write_daily(db: &D1Database, now: DateTime<Utc>) -> Result<NaiveDate, ApiError> {
    let today = now.with_timezone(&chrono_tz::Europe::Rome).date_naive();
    let day = today.pred_opt().unwrap_or(today);
    let districts: Vec<&District> = <District as sito_core::VariantArray>::VARIANTS
        .iter()
        .collect();
    let districts =
        serde_json::to_string(&districts).map_err(|e| ApiError::Storage(e.to_string()))?;
    crate::db::monitoring::write_open_day(db, &day.to_string(), &start_of(today), &districts)
        .await?;
    Ok(day)
}
