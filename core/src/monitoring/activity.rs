//! The report's "Laboratori e appuntamenti": places offered and taken in the labs whose first
//! session falls in the period, and the desk's appointment slots of the period, with the
//! attendance rates. D1 gives one row per lab and per topic; the totals and rates are here.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::appointment::AppointmentTopic;

/// `part` of `whole` as a whole percentage, rounded half up; `None` when `whole` is zero (no
/// attendance was marked, so there is no rate to give).
pub fn attendance_rate(part: u32, whole: u32) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    let (part, whole) = (u64::from(part), u64::from(whole));
    u32::try_from((part * 200 + whole) / (whole * 2)).ok()
}

/// One lab whose first session falls in the period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabCount {
    pub lab_id: String,
    pub title: String,
    #[serde(with = "crate::time")]
    pub first_session: DateTime<Utc>,
    /// The lab's maximum places.
    pub places_offered: u32,
    /// Sign-ups holding a place.
    pub confirmed: u32,
    pub waiting: u32,
    /// Cancelled by the organiser.
    pub cancelled: bool,
    /// Whether the desk has saved the lab's attendance at least once.
    pub attendance_marked: bool,
    /// Confirmed sign-ups marked present.
    pub attended: u32,
}

impl LabCount {
    /// Attended ÷ confirmed, for a lab whose attendance was marked.
    pub fn attendance_rate(&self) -> Option<u32> {
        if self.attendance_marked {
            attendance_rate(self.attended, self.confirmed)
        } else {
            None
        }
    }
}

/// The labs of the period and their totals.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabFigures {
    pub labs: Vec<LabCount>,
    pub total: LabTotals,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabTotals {
    pub labs: u32,
    /// The sum of the labs' maximum places, cancelled labs included (their places were offered).
    pub places_offered: u32,
    pub confirmed: u32,
    pub waiting: u32,
    pub cancelled_labs: u32,
    /// Labs whose attendance was marked, their confirmed sign-ups, and those present.
    pub labs_with_attendance: u32,
    pub confirmed_with_attendance: u32,
    pub attended: u32,
    /// `attended` ÷ `confirmed_with_attendance`, as a whole percentage.
    pub attendance_rate_pct: Option<u32>,
}

impl LabFigures {
    /// The labs, in the order given, with their totals.
    pub fn new(labs: Vec<LabCount>) -> Self {
        let mut total = LabTotals::default();
        for lab in &labs {
            total.labs += 1;
            total.places_offered += lab.places_offered;
            total.confirmed += lab.confirmed;
            total.waiting += lab.waiting;
            total.cancelled_labs += u32::from(lab.cancelled);
            if lab.attendance_marked {
                total.labs_with_attendance += 1;
                total.confirmed_with_attendance += lab.confirmed;
                total.attended += lab.attended;
            }
        }
        total.attendance_rate_pct =
            attendance_rate(total.attended, total.confirmed_with_attendance);
        Self { labs, total }
    }
}

/// The desk's appointment slots of one topic (or all of them).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentCounts {
    /// Slots opened.
    pub slots: u32,
    /// Slots holding a booking.
    pub booked: u32,
    /// Bookings cancelled (a slot cancelled and booked again counts in both).
    pub cancelled: u32,
    /// Bookings whose attendance was marked, and those marked present.
    pub marked: u32,
    pub attended: u32,
    /// `attended` ÷ `marked`, as a whole percentage.
    pub attendance_rate_pct: Option<u32>,
}

impl AppointmentCounts {
    fn add(&mut self, other: &AppointmentCounts) {
        self.slots += other.slots;
        self.booked += other.booked;
        self.cancelled += other.cancelled;
        self.marked += other.marked;
        self.attended += other.attended;
        self.attendance_rate_pct = attendance_rate(self.attended, self.marked);
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicAppointments {
    pub topic: AppointmentTopic,
    #[serde(flatten)]
    pub counts: AppointmentCounts,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentFigures {
    pub by_topic: Vec<TopicAppointments>,
    pub total: AppointmentCounts,
}

impl AppointmentFigures {
    /// Each topic's counts (rates left to this function), in the order given, and their sum.
    pub fn new(by_topic: Vec<TopicAppointments>) -> Self {
        let mut total = AppointmentCounts::default();
        let by_topic = by_topic
            .into_iter()
            .map(|mut t| {
                t.counts.attendance_rate_pct = attendance_rate(t.counts.attended, t.counts.marked);
                total.add(&t.counts);
                t
            })
            .collect();
        Self { by_topic, total }
    }
}

/// The "Laboratori e appuntamenti" section's figures.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityFigures {
    pub labs: LabFigures,
    pub appointments: AppointmentFigures,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_round_half_up_and_are_none_without_marked_attendance() {
        assert_eq!(attendance_rate(0, 0), None);
        assert_eq!(attendance_rate(3, 4), Some(75));
        // 2 of 3 is 66.67 %: 67. 1 of 8 is 12.5 %: 13. 1 of 3 is 33.33 %: 33.
        assert_eq!(attendance_rate(2, 3), Some(67));
        assert_eq!(attendance_rate(1, 8), Some(13));
        assert_eq!(attendance_rate(1, 3), Some(33));
        assert_eq!(attendance_rate(5, 5), Some(100));
        assert_eq!(attendance_rate(0, 7), Some(0));
        assert_eq!(attendance_rate(u32::MAX, u32::MAX), Some(100));
    }

    fn lab(
        places: u32,
        confirmed: u32,
        waiting: u32,
        cancelled: bool,
        attended: Option<u32>,
    ) -> LabCount {
        LabCount {
            lab_id: format!("lab-{places}"),
            title: "Laboratorio".into(),
            first_session: crate::time::parse("2026-03-02T09:00:00.000Z").unwrap(),
            places_offered: places,
            confirmed,
            waiting,
            cancelled,
            attendance_marked: attended.is_some(),
            attended: attended.unwrap_or(0),
        }
    }

    #[test]
    fn lab_totals_count_attendance_only_where_it_was_marked() {
        // 20 places, 20 confirmed, 4 waiting, 15 present; 12 places, 6 confirmed, 5 present;
        // 10 places, 3 confirmed, attendance not marked; 8 places cancelled with 1 confirmed.
        let figures = LabFigures::new(vec![
            lab(20, 20, 4, false, Some(15)),
            lab(12, 6, 0, false, Some(5)),
            lab(10, 3, 0, false, None),
            lab(8, 1, 0, true, None),
        ]);
        assert_eq!(
            figures.total,
            LabTotals {
                labs: 4,
                places_offered: 50,
                confirmed: 30,
                waiting: 4,
                cancelled_labs: 1,
                labs_with_attendance: 2,
                confirmed_with_attendance: 26,
                attended: 20,
                // 20 of 26 is 76.92 %.
                attendance_rate_pct: Some(77),
            }
        );
        assert_eq!(figures.labs[0].attendance_rate(), Some(75));
        assert_eq!(figures.labs[2].attendance_rate(), None);
        assert_eq!(LabFigures::new(vec![]).total, LabTotals::default());
    }

    #[test]
    fn appointment_totals_sum_the_topics_and_rate_the_marked_bookings() {
        let counts = |slots, booked, cancelled, marked, attended| AppointmentCounts {
            slots,
            booked,
            cancelled,
            marked,
            attended,
            attendance_rate_pct: None,
        };
        let figures = AppointmentFigures::new(vec![
            TopicAppointments {
                topic: AppointmentTopic::Cv,
                counts: counts(10, 6, 2, 4, 3),
            },
            TopicAppointments {
                topic: AppointmentTopic::JobSearch,
                counts: counts(5, 1, 0, 0, 0),
            },
        ]);
        assert_eq!(figures.by_topic[0].counts.attendance_rate_pct, Some(75));
        assert_eq!(figures.by_topic[1].counts.attendance_rate_pct, None);
        assert_eq!(
            figures.total,
            AppointmentCounts {
                slots: 15,
                booked: 7,
                cancelled: 2,
                marked: 4,
                attended: 3,
                attendance_rate_pct: Some(75),
            }
        );
        // The JSON keeps a topic's counts beside its name.
        let json = serde_json::to_value(&figures.by_topic[1]).unwrap();
        assert_eq!(json["topic"], "job_search");
        assert_eq!(json["slots"], 5);
        assert!(json["attendance_rate_pct"].is_null());
    }
}
