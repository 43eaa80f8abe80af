//! The labs and desk appointments of `seed year`: 200 labs spread over the year (three weekly
//! sessions each, 10 to 30 places, sign-ups beyond the places on the waiting list, one in fifteen
//! cancelled, attendance saved for those whose first session is more than a week old), and a
//! weekly opening of the desk for each of the five topics (six slots a week each), most of them
//! booked, some cancelled and booked again, attendance marked for past slots.

use chrono::{DateTime, Duration, Utc};
use sito_core::{
    appointment::AppointmentTopic,
    lab::{Audience, Lab, LabFormat, LabInput, Module, Session},
    ContentKind, VariantArray,
};

use crate::{entry_sql, insert_sql, publish, quote, year::Spread, Seed};

pub const LABS: usize = 200;
pub const SLOTS_PER_WEEK: usize = 6;

fn at(t: DateTime<Utc>) -> String {
    quote(&sito_core::time::format(&t))
}

/// The SQL of the labs and appointments of the year from `start` to `end`.
pub fn activity_sql(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    spread: &mut Spread,
) -> Result<String, String> {
    let mut sql = String::new();
    for n in 0..LABS {
        let first = start + Duration::hours(spread.next(365 * 24) as i64);
        let max_places = 10 + spread.next(21) as u16;
        let input = LabInput {
            format: if n % 3 == 0 {
                LabFormat::Seminar
            } else {
                LabFormat::Lab
            },
            title: format!("Laboratorio generato {n}"),
            summary: "Laboratorio generato per misurare il monitoraggio.".into(),
            description_md: "Tre incontri.".into(),
            modules: vec![Module {
                title: "Modulo unico".into(),
                sessions: (0..3)
                    .map(|w| Session {
                        starts_at: first + Duration::weeks(w),
                        ends_at: first + Duration::weeks(w) + Duration::hours(2),
                        place: "Informagiovani di Cremona, via Palestro 11".into(),
                    })
                    .collect(),
            }],
            audience: Audience::YoungPeople,
            age_min: 16,
            age_max: 29,
            districts: vec![],
            min_places: 5,
            max_places,
            signup_opens_at: first - Duration::days(30),
            signup_closes_at: first - Duration::days(1),
            organiser: "Informagiovani di Cremona".into(),
        };
        let when = sito_core::time::format(&(first - Duration::days(31)));
        let value = serde_json::to_value(&input).map_err(|e| e.to_string())?;
        let lab: Lab = publish(
            Seed {
                id: format!("anno-lab-{n}"),
                input,
            },
            &when,
        )?;
        let body = serde_json::to_string(&lab).map_err(|e| e.to_string())?;
        sql.push_str(&insert_sql(ContentKind::Lab, &lab.id, &body, &when));
        sql.push_str(&entry_sql(
            ContentKind::Lab,
            &lab.id,
            &lab.title,
            &value,
            &when,
        ));
        let cancelled = spread.next(15) == 0;
        let marked = !cancelled && first + Duration::days(7) < end;
        let signups = spread.next(u64::from(max_places) + 10) as u16;
        for i in 0..signups {
            let status = if i < max_places {
                "confirmed"
            } else {
                "waiting"
            };
            let attended = u8::from(marked && status == "confirmed" && spread.next(5) > 0);
            sql.push_str(&format!(
                "INSERT OR IGNORE INTO lab_signups (id, lab_id, code, status, arrival, age_band, \
                 attended, signed_up_at) VALUES ('anno-iscr-{n}-{i}', '{id}', 'ANNO-L{n:03}-{i:03}', \
                 '{status}', {arrival}, '18-24', {attended}, {at});\n",
                id = lab.id,
                arrival = i + 1,
                at = at(first - Duration::days(20)),
            ));
        }
        if cancelled {
            sql.push_str(&format!(
                "INSERT OR IGNORE INTO lab_state (lab_id, cancelled_at) VALUES ('{}', {});\n",
                lab.id,
                at(first - Duration::hours(12))
            ));
        }
        if marked {
            sql.push_str(&format!(
                "INSERT INTO audit_log (at, actor, action, kind, item_id, before, after) \
                 VALUES ({}, 'seed', 'attendance', 'lab', '{}', NULL, NULL);\n",
                at(first + Duration::hours(3)),
                lab.id
            ));
        }
    }
    sql.push_str(&format!(
        "INSERT OR IGNORE INTO appointment_series (id, input, created_by, created_at) \
         VALUES ('anno-serie', '{{}}', 'anno-g-0', {});\n",
        at(start)
    ));
    let mut slot = 0;
    for week in 0..52 {
        for (t, topic) in AppointmentTopic::VARIANTS.iter().enumerate() {
            for s in 0..SLOTS_PER_WEEK {
                let starts = start
                    + Duration::weeks(week)
                    + Duration::days(t as i64)
                    + Duration::minutes(8 * 60 + 30 * s as i64);
                sql.push_str(&format!(
                    "INSERT OR IGNORE INTO appointment_slots (id, series_id, topic, starts_at, \
                     ends_at, mode, place, cutoff_hours) VALUES ('anno-serie-{slot}', 'anno-serie', \
                     '{topic}', {}, {}, 'in_person', 'Informagiovani di Cremona', 24);\n",
                    at(starts),
                    at(starts + Duration::minutes(30)),
                    topic = topic.as_ref(),
                ));
                let booking = |n: u32, status: &str, attended: &str| {
                    format!(
                        "INSERT OR IGNORE INTO appointments (id, code, slot_id, status, booked_at, \
                         attended) VALUES ('anno-app-{slot}-{n}', 'ANNO-A{slot:05}-{n}', \
                         'anno-serie-{slot}', '{status}', {}, {attended});\n",
                        at(starts - Duration::days(3)),
                    )
                };
                match spread.next(10) {
                    0..=2 => {}
                    r => {
                        if r == 3 {
                            sql.push_str(&booking(0, "cancelled", "NULL"));
                        }
                        let attended = if starts >= end {
                            "NULL"
                        } else {
                            ["NULL", "0", "1", "1", "1"][spread.next(5) as usize]
                        };
                        sql.push_str(&booking(1, "booked", attended));
                    }
                }
                slot += 1;
            }
        }
    }
    Ok(sql)
}
