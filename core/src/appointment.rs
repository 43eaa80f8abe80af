//! Appointments at the desk: Informagiovani and job-desk operators open slots (a weekly series,
//! [`series`]), a young person books one from the phone with the fewest details, and cancels it
//! with the code the booking gave, up to the cut-off the desk set. Free slots carry no personal
//! data; the details of a booking are deleted [`PURGE_AFTER_DAYS`] days after the slot.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{account::is_plausible_email, validation::ValidationErrors};

mod ics;
pub mod series;

pub use ics::calendar;
pub use series::SeriesInput;

/// Days after its slot that a booking's name, e-mail and phone are deleted (the cron trigger).
pub const PURGE_AFTER_DAYS: i64 = 30;
pub const NAME_MAX_CHARS: usize = 80;

/// What a desk appointment is about (issue: CV, job search, volunteering, Servizio Civile,
/// starting a business). The strum names are the portal's `?tema=` slugs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AppointmentTopic {
    Cv,
    JobSearch,
    Volunteering,
    ServizioCivile,
    StartingABusiness,
}

impl AppointmentTopic {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Cv => "CV",
            Self::JobSearch => "Ricerca di lavoro",
            Self::Volunteering => "Volontariato",
            Self::ServizioCivile => "Servizio Civile",
            Self::StartingABusiness => "Avviare un'impresa",
        }
    }
}

/// Where the meeting happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Mode {
    /// At the desk's address (`place`).
    InPerson,
    /// A video call; `place` says how the link arrives.
    VideoCall,
}

impl Mode {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::InPerson => "In presenza",
            Self::VideoCall => "Videochiamata",
        }
    }
}

/// A free slot as anyone may see it: no personal data (`GET /api/v1/appointments/slots`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub id: String,
    pub topic: AppointmentTopic,
    #[serde(with = "crate::time")]
    pub starts_at: DateTime<Utc>,
    #[serde(with = "crate::time")]
    pub ends_at: DateTime<Utc>,
    pub mode: Mode,
    pub place: String,
    /// Hours before the start after which a booking can no longer be cancelled.
    pub cutoff_hours: u32,
}

impl Slot {
    /// The last moment a booking of this slot can be cancelled.
    pub fn cancel_until(&self) -> DateTime<Utc> {
        self.starts_at - Duration::hours(i64::from(self.cutoff_hours))
    }
}

/// `GET /api/v1/appointments/slots?tema=`: the free slots from now on, soonest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FreeSlots {
    pub slots: Vec<Slot>,
}

/// `POST /api/v1/appointments`. `id` is made on the phone and is the idempotency key: however
/// often the outbox repeats it, one booking is stored and the same receipt comes back.
/// The name and one way to reach the person (e-mail or phone) are all that is asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingInput {
    pub id: uuid::Uuid,
    pub slot_id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

impl BookingInput {
    /// The e-mail as stored: trimmed, absent when empty.
    pub fn email(&self) -> Option<&str> {
        self.email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
    }

    /// The phone number as stored: trimmed, absent when empty.
    pub fn phone(&self) -> Option<&str> {
        self.phone
            .as_deref()
            .map(str::trim)
            .filter(|p| !p.is_empty())
    }

    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if self.slot_id.trim().is_empty() {
            errors.push("slot_id", "required", "Scegli un appuntamento libero.");
        }
        let name = self.name.trim().chars().count();
        if name == 0 {
            errors.push("name", "required", "Scrivi il tuo nome.");
        } else if name > NAME_MAX_CHARS {
            errors.push(
                "name",
                "too_long",
                format!("Al massimo {NAME_MAX_CHARS} caratteri (ora sono {name})."),
            );
        }
        match (self.email(), self.phone()) {
            (None, None) => errors.push(
                "email",
                "contact_required",
                "Lascia un'e-mail o un numero di telefono: serve solo per avvisarti se l'appuntamento cambia.",
            ),
            (email, phone) => {
                if email.is_some_and(|e| !is_plausible_email(e)) {
                    errors.push(
                        "email",
                        "invalid",
                        "Questo indirizzo e-mail non sembra valido (es. nome@esempio.it).",
                    );
                }
                if phone.is_some_and(|p| !is_plausible_phone(p)) {
                    errors.push(
                        "phone",
                        "invalid",
                        "Scrivi un numero di telefono di 6–15 cifre (es. 333 123 4567).",
                    );
                }
            }
        }
        errors.into_result(())
    }
}

/// Digits with optional spaces, dots, dashes and a leading `+`: 6 to 15 digits (E.164's most).
pub fn is_plausible_phone(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '/'))
        && (6..=15).contains(&digits)
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum BookingStatus {
    Booked,
    Cancelled,
}

/// What the phone keeps of a booking: the slot, the code that cancels it, and its status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BookingReceipt {
    pub id: uuid::Uuid,
    pub code: String,
    pub status: BookingStatus,
    pub slot: Slot,
    #[serde(with = "crate::time")]
    pub booked_at: DateTime<Utc>,
}

/// `POST /api/v1/appointments/{id}/cancel`: only the code given at booking cancels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelInput {
    pub code: String,
}

/// A booking's code from 8 random bytes: `APP-XXXX-XXXX`, in the codes' alphabet (no 0/O,
/// 1/I/L), so it can be read out at the desk.
pub fn booking_code(random: [u8; 8]) -> String {
    crate::code::make("APP", random)
}

/// Normalises a typed code (`app 7k3q 9abc` → `APP-7K3Q-9ABC`); `None` when it cannot be one.
pub fn normalise_code(typed: &str) -> Option<String> {
    crate::code::normalise("APP", typed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booking() -> BookingInput {
        BookingInput {
            id: uuid::Uuid::nil(),
            slot_id: "s-1".into(),
            name: "Giulia".into(),
            email: Some("giulia@esempio.it".into()),
            phone: None,
        }
    }

    #[test]
    fn a_booking_needs_a_name_and_one_way_to_reach_the_person() {
        assert!(booking().validate().is_ok());
        let phone_only = BookingInput {
            email: Some("  ".into()),
            phone: Some("+39 333 123 4567".into()),
            ..booking()
        };
        assert!(phone_only.validate().is_ok());
        let none = BookingInput {
            name: " ".into(),
            email: None,
            ..booking()
        };
        let errors = none.validate().unwrap_err();
        let fields: Vec<String> = errors.0.iter().map(|e| e.field.to_string()).collect();
        assert_eq!(fields, ["name", "email"]);
        assert!(errors.0[1].message.contains("avvisarti"));
        let bad = BookingInput {
            email: Some("giulia".into()),
            phone: Some("12".into()),
            ..booking()
        };
        let errors = bad.validate().unwrap_err();
        let codes: Vec<&str> = errors.0.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["invalid", "invalid"]);
    }

    #[test]
    fn codes_are_readable_and_typed_codes_normalise() {
        let code = booking_code([0, 1, 2, 3, 30, 31, 255, 100]);
        assert!(code.starts_with("APP-") && code.len() == 13);
        assert_eq!(
            normalise_code(&code.to_lowercase()).as_deref(),
            Some(code.as_str())
        );
        assert_eq!(normalise_code("APP-0000-0000"), None);
    }

    #[test]
    fn the_cut_off_counts_back_from_the_start() {
        let starts_at = crate::time::parse("2026-12-01T09:00:00Z").unwrap();
        let slot = Slot {
            id: "s".into(),
            topic: AppointmentTopic::Cv,
            starts_at,
            ends_at: starts_at + Duration::minutes(30),
            mode: Mode::InPerson,
            place: "Informagiovani Cremona".into(),
            cutoff_hours: 24,
        };
        assert_eq!(
            crate::time::format(&slot.cancel_until()),
            "2026-11-30T09:00:00.000Z"
        );
    }
}
