//! schema.org `Event` for a lab, with its places: `maximumAttendeeCapacity` and
//! `remainingAttendeeCapacity`, and one `subEvent` per session.

use serde_json::{json, Value};

use crate::lab::Lab;

fn location(place: &str, online: bool) -> Value {
    if online {
        json!({ "@type": "VirtualLocation", "url": place })
    } else {
        json!({ "@type": "Place", "name": place, "address": { "@type": "PostalAddress", "addressRegion": "CR", "addressCountry": "IT" } })
    }
}

/// The JSON-LD object of a lab, or `None` when it has no session.
pub fn event(lab: &Lab, url: &str) -> Option<Value> {
    let mut sessions = lab.sessions().peekable();
    let (_, first) = *sessions.peek()?;
    let online = lab.sessions().all(|(_, s)| s.is_online());
    let offline = lab.sessions().all(|(_, s)| !s.is_online());
    let mode = match (online, offline) {
        (true, _) => "https://schema.org/OnlineEventAttendanceMode",
        (_, true) => "https://schema.org/OfflineEventAttendanceMode",
        _ => "https://schema.org/MixedEventAttendanceMode",
    };
    let time = |t: &chrono::DateTime<chrono::Utc>| crate::time::format(t);
    let sub_events: Vec<Value> = lab
        .sessions()
        .map(|(m, s)| {
            json!({
                "@type": "Event",
                "name": format!("{} · {}", lab.title, m.title),
                "startDate": time(&s.starts_at),
                "endDate": time(&s.ends_at),
                "location": location(&s.place, s.is_online()),
            })
        })
        .collect();
    Some(json!({
        "@context": "https://schema.org",
        "@type": "Event",
        "name": lab.title,
        "description": lab.summary,
        "url": url,
        "startDate": time(&first.starts_at),
        "endDate": lab.last_end().map(|t| time(&t)),
        "eventAttendanceMode": mode,
        "eventStatus": if lab.cancelled { "https://schema.org/EventCancelled" } else { "https://schema.org/EventScheduled" },
        "location": location(&first.place, first.is_online()),
        "organizer": { "@type": "Organization", "name": lab.organiser },
        "audience": { "@type": "PeopleAudience", "suggestedMinAge": lab.age_min, "suggestedMaxAge": lab.age_max },
        "maximumAttendeeCapacity": lab.max_places,
        "remainingAttendeeCapacity": lab.remaining(),
        "subEvent": sub_events,
    }))
}
