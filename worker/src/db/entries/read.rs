//! Reading the working copies: the desk's list and the audit log.

use super::*;

/// The desk list: full-text search (FTS5) and filters, newest first or by relevance.
pub async fn list(
    db: &D1Database,
    query: &DeskQuery,
) -> Result<(Vec<EntrySummary>, bool), ApiError> {
    #[derive(Deserialize)]
    struct Row {
        kind: String,
        id: String,
        version: u32,
        status: String,
        title: String,
        district: Option<String>,
        deadline: Option<String>,
        #[serde(default, with = "sito_core::time::option")]
        publish_at: Option<DateTime<Utc>>,
        #[serde(with = "sito_core::time")]
        updated_at: DateTime<Utc>,
        updated_by: String,
    }
    let columns = "e.kind, e.id, e.version, e.status, e.title, e.district, e.deadline, \
                   e.publish_at, e.updated_at, e.updated_by";
    let filters = "(?2 IS NULL OR e.kind = ?2) AND (?3 IS NULL OR e.status = ?3) \
                   AND (?4 IS NULL OR e.district = ?4) \
                   AND (?5 IS NULL OR (e.deadline IS NOT NULL AND e.deadline <= ?5))";
    let page = sito_core::desk::DESK_PAGE;
    let sql = match query.fts_match() {
        Some(_) => format!(
            "SELECT {columns} FROM entries_fts f JOIN entries e ON e.kind = f.kind AND e.id = f.id \
             WHERE entries_fts MATCH ?1 AND {filters} ORDER BY f.rank LIMIT ?6 OFFSET ?7"
        ),
        None => format!(
            "SELECT {columns} FROM entries e WHERE ?1 IS NULL AND {filters} \
             ORDER BY e.updated_at DESC LIMIT ?6 OFFSET ?7"
        ),
    };
    let district = query
        .district
        .and_then(|d| serde_json::to_value(d).ok())
        .and_then(|v| v.as_str().map(str::to_owned));
    let rows = db
        .prepare(sql)
        .bind(&[
            opt(&query.fts_match()),
            opt(&query.kind.map(|k| k.as_ref().to_owned())),
            opt(&query.status.map(|s| s.as_ref().to_owned())),
            opt(&district),
            opt(&query.deadline_before.map(|d| d.to_string())),
            num(page + 1),
            num(query.page * page),
        ])?
        .all()
        .await?
        .results::<Row>()?;
    let more = rows.len() > page as usize;
    let items = rows
        .into_iter()
        .take(page as usize)
        .map(|r| {
            Ok(EntrySummary {
                kind: sito_core::stored::parse("kind", &r.kind)?,
                status: sito_core::stored::parse("status", &r.status)?,
                id: r.id,
                version: r.version,
                title: r.title,
                district: r.district,
                deadline: r.deadline,
                publish_at: r.publish_at,
                updated_at: r.updated_at,
                updated_by: r.updated_by,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok((items, more))
}

/// The audit lines of one item (newest first), or of everything when `item` is `None`.
pub async fn history(
    db: &D1Database,
    item: Option<(ContentKind, &str)>,
    limit: u32,
) -> Result<Vec<sito_core::desk::AuditEntry>, ApiError> {
    #[derive(Deserialize)]
    struct Row {
        seq: u64,
        #[serde(with = "sito_core::time")]
        at: DateTime<Utc>,
        actor: String,
        action: String,
        kind: String,
        item_id: String,
        before: Option<String>,
        after: Option<String>,
    }
    let (kind, id) = item.map_or((JsValue::NULL, JsValue::NULL), |(k, id)| {
        (k.as_ref().into(), id.into())
    });
    let rows = db
        .prepare(
            "SELECT seq, at, actor, action, kind, item_id, before, after FROM audit_log \
             WHERE (?1 IS NULL OR (kind = ?1 AND item_id = ?2)) ORDER BY seq DESC LIMIT ?3",
        )
        .bind(&[kind, id, num(limit)])?
        .all()
        .await?
        .results::<Row>()?;
    let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
    Ok(rows
        .into_iter()
        .map(|r| sito_core::desk::AuditEntry {
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            action: r.action,
            kind: r.kind,
            item_id: r.item_id,
            before: parse(r.before),
            after: parse(r.after),
        })
        .collect())
}
