//! schema.org `Event` for a recruiting day: its time and place, the organiser, the ages it is
//! for, and each company attending (`attendee`) with its open roles and positions.

use serde_json::{json, Value};

use crate::{opportunity::District, recruiting::RecruitingDay};

/// The JSON-LD object of a recruiting day at `url`.
pub fn event(day: &RecruitingDay, url: &str) -> Value {
    let time = |t: &chrono::DateTime<chrono::Utc>| crate::time::format(t);
    let region = match day.district {
        District::Cremona | District::Crema | District::Casalmaggiore | District::Province => {
            Some("CR")
        }
        District::Italy | District::Abroad => None,
    };
    let country = (day.district != District::Abroad).then_some("IT");
    let attendees: Vec<Value> = day
        .companies
        .iter()
        .map(|c| {
            let roles: Vec<String> = c
                .roles
                .iter()
                .map(|r| match r.positions {
                    1 => format!("{} (1 posto)", r.title),
                    n => format!("{} ({n} posti)", r.title),
                })
                .collect();
            json!({
                "@type": "Organization",
                "name": c.name,
                "description": format!("Ruoli aperti: {}", roles.join("; ")),
            })
        })
        .collect();
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": day.title,
        "description": day.summary,
        "url": url,
        "startDate": time(&day.starts_at),
        "endDate": time(&day.ends_at),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": true,
        "location": {
            "@type": "Place",
            "name": day.place,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": day.place,
                "addressLocality": day.district.label_it(),
                "addressRegion": region,
                "addressCountry": country,
            },
        },
        "organizer": { "@type": "Organization", "name": day.organiser },
        "attendee": attendees,
    });
    if day.age_min.is_some() || day.age_max.is_some() {
        value["audience"] = json!({
            "@type": "PeopleAudience",
            "suggestedMinAge": day.age_min,
            "suggestedMaxAge": day.age_max,
        });
    }
    value
}
