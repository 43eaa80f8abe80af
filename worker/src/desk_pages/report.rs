//! The monitoring report's addresses: the page, each chart's CSV and the JSON document, for
//! editors and administrators. The exports answer problem+json: 401 signed out, 403 for other
//! roles, 400 for a period that cannot be read.

use sito_core::monitoring::Period;

use super::monitoring::{dataset, monitoring_page};
use super::*;

fn today() -> chrono::NaiveDate {
    auth::now()
        .with_timezone(&chrono_tz::Europe::Rome)
        .date_naive()
}

/// The period and district asked for, read.
type Read = Result<(Period, Option<District>), ValidationErrors>;

/// The query as typed (the form shows it again) and what it asks for.
fn read_query(req: &Request) -> Result<(Vec<(String, String)>, Read), ApiError> {
    let pairs = query_pairs(req)?;
    let read = Period::from_query(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())), today());
    Ok((pairs, read))
}

/// `GET /redazione/monitoraggio`.
pub(super) async fn page_response(
    req: &Request,
    db: &D1Database,
    session: &Session,
) -> Result<Response, ApiError> {
    let (pairs, read) = read_query(req)?;
    let markup = match read {
        Ok((period, district)) => {
            let report =
                crate::service::monitoring::report(db, period, district, auth::now()).await?;
            monitoring_page(
                &pairs,
                &ValidationErrors::default(),
                &period,
                district,
                Some(&report),
            )
        }
        Err(errors) => monitoring_page(&pairs, &errors, &Period::semester_of(today()), None, None),
    };
    Ok(page(Some(session), "Monitoraggio", markup))
}

/// `GET /redazione/monitoraggio.json` and `GET /redazione/monitoraggio/{chart}.csv`.
pub(super) async fn export(req: &Request, db: &D1Database, csv_of: Option<&str>) -> Response {
    export_or_error(req, db, csv_of)
        .await
        .unwrap_or_else(ApiError::into_response)
}

async fn export_or_error(
    req: &Request,
    db: &D1Database,
    csv_of: Option<&str>,
) -> Result<Response, ApiError> {
    let session = auth::current(req, db)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    session.must_or(Need::Editor, |role| {
        format!(
            "Il monitoraggio è per la redazione: il ruolo «{}» non lo vede.",
            role.label_it()
        )
    })?;
    let (_, read) = read_query(req)?;
    let (period, district) = read.map_err(ApiError::InvalidQuery)?;
    let report = crate::service::monitoring::report(db, period, district, auth::now()).await?;
    let name = format!("{}_{}", period.from, period.to);
    let headers = Headers::new();
    headers.set("cache-control", "no-store")?;
    let body = match csv_of {
        None => {
            headers.set("content-type", "application/json")?;
            headers.set(
                "content-disposition",
                &format!("attachment; filename=\"monitoraggio-{name}.json\""),
            )?;
            serde_json::to_string(&report).map_err(|e| ApiError::Storage(e.to_string()))?
        }
        Some(slug) => {
            let data = dataset(&report, slug).ok_or(ApiError::NotFound)?;
            headers.set("content-type", "text/csv; charset=utf-8")?;
            headers.set(
                "content-disposition",
                &format!("attachment; filename=\"{slug}-{name}.csv\""),
            )?;
            data.csv()
                .map_err(|e| ApiError::Storage(format!("csv: {e}")))?
        }
    };
    Ok(crate::http::text_response(body, 200, headers))
}
