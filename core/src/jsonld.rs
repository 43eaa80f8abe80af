//! schema.org JSON-LD for shared links and search engines: JobPosting for jobs, internships and
//! volunteering, Event for events and work camps, Course for training.

use serde_json::{json, Value};

use crate::opportunity::{District, Opportunity, OpportunityKind};

fn address(o: &Opportunity) -> Value {
    let country = if o.district == District::Abroad {
        None
    } else {
        Some("IT")
    };
    json!({
        "@type": "PostalAddress",
        "addressLocality": if o.place.is_empty() { o.district.label_it() } else { o.place.as_str() },
        "addressRegion": match o.district {
            District::Cremona | District::Crema | District::Casalmaggiore | District::Province => Some("CR"),
            _ => None,
        },
        "addressCountry": country,
    })
}

/// The JSON-LD object of an opportunity, or `None` for kinds schema.org has no good type for.
pub fn opportunity(o: &Opportunity, url: &str) -> Option<Value> {
    let organisation = json!({ "@type": "Organization", "name": o.organisation });
    let mut value = match o.kind {
        OpportunityKind::Job | OpportunityKind::Internship | OpportunityKind::Volunteering => {
            json!({
                "@type": "JobPosting",
                "title": o.title,
                "description": if o.description_html.is_empty() { &o.summary } else { &o.description_html },
                "datePosted": o.updated_at.date_naive().to_string(),
                "validThrough": o.deadline.map(|d| d.to_string()),
                "employmentType": match o.kind {
                    OpportunityKind::Internship => "INTERN",
                    OpportunityKind::Volunteering => "VOLUNTEER",
                    _ => "OTHER",
                },
                "hiringOrganization": organisation,
                "jobLocation": { "@type": "Place", "address": address(o) },
            })
        }
        OpportunityKind::Event | OpportunityKind::WorkCamp => json!({
            "@type": "Event",
            "name": o.title,
            "description": o.summary,
            "startDate": o.starts_on?.to_string(),
            "endDate": o.ends_on.map(|d| d.to_string()),
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "eventStatus": "https://schema.org/EventScheduled",
            "location": { "@type": "Place", "name": o.place_label(), "address": address(o) },
            "organizer": organisation,
        }),
        OpportunityKind::Training => json!({
            "@type": "Course",
            "name": o.title,
            "description": o.summary,
            "provider": organisation,
        }),
        OpportunityKind::Mobility | OpportunityKind::Call => return None,
    };
    value["@context"] = json!("https://schema.org");
    value["url"] = json!(url);
    strip_nulls(&mut value);
    Some(value)
}

fn strip_nulls(value: &mut Value) {
    if let Value::Object(map) = value {
        map.retain(|_, v| !v.is_null());
        map.values_mut().for_each(strip_nulls);
    }
}

/// JSON for a `<script type="application/ld+json">`, made safe by [`escape_for_script`].
pub fn script_text(value: &Value) -> String {
    escape_for_script(&value.to_string())
}

/// `json` (serialised JSON) made safe to embed as the text of a `<script>` element: every `<`,
/// `>` and `&` written as its `\u` escape. Escaping `</` alone is not enough: `<!--` followed by
/// `<script` puts the HTML parser in a state where the element no longer ends at its
/// `</script>`, and swallows the rest of the page. In JSON these three characters can only
/// occur inside strings, where the escapes read back as the same text.
pub fn escape_for_script(json: &str) -> String {
    let mut escaped = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => escaped.push_str("\\u003c"),
            '>' => escaped.push_str("\\u003e"),
            '&' => escaped.push_str("\\u0026"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        opportunity::fixtures::{input, publish},
        OpportunityInput,
    };

    fn item(kind: OpportunityKind) -> Opportunity {
        publish(
            "x",
            OpportunityInput {
                kind,
                title: "Tirocinio </script><script>alert(1)</script>".into(),
                ends_on: None,
                ..input()
            },
            "2026-11-22T10:00:00Z",
        )
    }

    #[test]
    fn an_internship_is_a_job_posting() {
        let v = opportunity(
            &item(OpportunityKind::Internship),
            "https://s/opportunita/x",
        )
        .unwrap();
        assert_eq!(v["@type"], "JobPosting");
        assert_eq!(v["employmentType"], "INTERN");
        assert_eq!(v["validThrough"], "2026-12-15");
        assert_eq!(v["datePosted"], "2026-11-22");
        assert_eq!(v["hiringOrganization"]["name"], "Comune di Crema");
        assert_eq!(v["jobLocation"]["address"]["addressRegion"], "CR");
    }

    #[test]
    fn an_event_has_a_start_date_and_no_nulls() {
        let v = opportunity(&item(OpportunityKind::Event), "u").unwrap();
        assert_eq!(v["@type"], "Event");
        assert_eq!(v["startDate"], "2027-01-10");
        assert!(v.get("endDate").is_none());
    }

    #[test]
    fn script_text_has_no_markup_characters_and_reads_back_as_the_same_json() {
        for title in [
            "<!--<script",
            "</script><script>alert(1)</script>",
            "a & b > c",
        ] {
            let mut training = item(OpportunityKind::Training);
            training.title = title.into();
            let v = opportunity(&training, "u").unwrap();
            let text = script_text(&v);
            assert!(!text.contains(['<', '>', '&']), "{text}");
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
            assert_eq!(v["name"], title);
        }
    }

    #[test]
    fn script_text_cannot_close_the_script() {
        let v = opportunity(&item(OpportunityKind::Training), "u").unwrap();
        assert_eq!(v["@type"], "Course");
        let text = script_text(&v);
        assert!(!text.contains("</script>"), "{text}");
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), v);
    }
}
