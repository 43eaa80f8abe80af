//! Field-level validation errors: a stable code for programs and an Italian message for people.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One step of a [`FieldPath`]: a member's name or a list's index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Segment {
    Name(String),
    Index(usize),
}

/// Where in the input a field is: `title`, `scores.2`, `budget.lines.0.unit_cost`. On the wire
/// (problem+json's `errors[].field`) and in the phone's store it is that dotted text: names and
/// indexes joined with `.`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct FieldPath(Vec<Segment>);

impl FieldPath {
    /// This path followed by the member `name`.
    pub fn field(mut self, name: &str) -> Self {
        self.0.push(Segment::Name(name.to_owned()));
        self
    }

    /// This path followed by the list index `index`.
    pub fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    /// This path followed by every segment of `rest` (a nested input's own path).
    pub fn join(mut self, rest: &FieldPath) -> Self {
        self.0.extend(rest.0.iter().cloned());
        self
    }

    /// The first member's name: the top-level field the path is in.
    pub fn head(&self) -> Option<&str> {
        match self.0.first()? {
            Segment::Name(name) => Some(name),
            Segment::Index(_) => None,
        }
    }

    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

/// Reads the dotted text: a segment that is a number as written (`0`, `12`) is an index.
impl From<&str> for FieldPath {
    fn from(text: &str) -> Self {
        FieldPath(
            text.split('.')
                .map(|part| match part.parse::<usize>() {
                    Ok(i) if i.to_string() == part => Segment::Index(i),
                    _ => Segment::Name(part.to_owned()),
                })
                .collect(),
        )
    }
}

impl From<&String> for FieldPath {
    fn from(text: &String) -> Self {
        FieldPath::from(text.as_str())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            match segment {
                Segment::Name(name) => f.write_str(name)?,
                Segment::Index(index) => write!(f, "{index}")?,
            }
        }
        Ok(())
    }
}

/// Whether the path is the one this dotted text reads as (see `From<&str>`).
impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        let mut parts = other.split('.');
        self.0.iter().all(|segment| {
            parts.next().is_some_and(|part| match segment {
                Segment::Name(name) => name == part,
                Segment::Index(index) => {
                    part.bytes().all(|b| b.is_ascii_digit())
                        && (part == "0" || !part.starts_with('0'))
                        && part.parse() == Ok(*index)
                }
            })
        }) && parts.next().is_none()
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(FieldPath::from(String::deserialize(deserializer)?.as_str()))
    }
}

/// One problem with one field of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The field's path in the JSON body, or its name in the query string or form.
    pub field: FieldPath,
    /// A stable, machine-readable code such as `required` or `too_long`.
    pub code: String,
    /// A sentence in Italian that the UI can show next to the field.
    pub message: String,
}

/// Every field error found in one input; empty means valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, thiserror::Error)]
#[derive(Serialize, Deserialize)]
#[error("{} campi non validi", .0.len())]
pub struct ValidationErrors(pub Vec<FieldError>);

impl ValidationErrors {
    pub fn push(&mut self, field: impl Into<FieldPath>, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.into(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(value)` when nothing was pushed, otherwise the collected errors.
    pub fn into_result<T>(self, value: T) -> Result<T, ValidationErrors> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }

    /// The error for `field`, if any: what a form shows beside that input.
    pub fn for_field<P: ?Sized>(&self, field: &P) -> Option<&FieldError>
    where
        FieldPath: PartialEq<P>,
    {
        self.0.iter().find(|e| e.field == *field)
    }

    /// Checks a required, trimmed text of at most `max` characters.
    pub fn text(&mut self, field: impl Into<FieldPath>, value: &str, max: usize) {
        let len = value.trim().chars().count();
        if len == 0 {
            self.push(field, "required", "Campo obbligatorio.");
        } else if len > max {
            self.push(
                field,
                "too_long",
                format!("Al massimo {max} caratteri (ora sono {len})."),
            );
        }
    }

    /// Checks an optional text of at most `max` characters.
    pub fn optional_text(&mut self, field: impl Into<FieldPath>, value: &str, max: usize) {
        let len = value.chars().count();
        if len > max {
            self.push(
                field,
                "too_long",
                format!("Al massimo {max} caratteri (ora sono {len})."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_travels_as_its_dotted_text() {
        let path = FieldPath::from("budget")
            .field("lines")
            .index(2)
            .field("unit_cost");
        assert_eq!(path.to_string(), "budget.lines.2.unit_cost");
        assert_eq!(path, FieldPath::from("budget.lines.2.unit_cost"));
        assert_eq!(path.head(), Some("budget"));
        assert!(path == "budget.lines.2.unit_cost");
        assert!(path != "budget.lines.2");
        assert!(path != "budget.lines.2.unit_cost.x");
        assert!(FieldPath::from("scores").index(0) != "scores.00");
        let error = FieldError {
            field: FieldPath::from("scores").index(0),
            code: "not_a_score".into(),
            message: "Il punteggio va da 0 a 10.".into(),
        };
        let json = serde_json::to_value(&error).unwrap();
        assert_eq!(json["field"], "scores.0");
        assert_eq!(serde_json::from_value::<FieldError>(json).unwrap(), error);
        // Only a number as written is an index: the text still reads back the same.
        assert_eq!(FieldPath::from("a.01.b").to_string(), "a.01.b");
        assert_eq!(
            FieldPath::from("a.01.b").segments()[1],
            Segment::Name("01".into())
        );
    }
}
