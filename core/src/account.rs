//! Accounts and roles. Reading the portal needs no account; staff (administrators, editors,
//! reviewers) and applicant groups sign in. The role decides every write on the server.

use serde::{Deserialize, Serialize};
use strum::{AsRefStr, EnumString, IntoStaticStr, VariantArray};

use crate::{
    opportunity::District,
    stored::{self, UnknownStoredValue},
    validation::ValidationErrors,
};

/// PBKDF2-HMAC-SHA256 rounds: the most the Workers runtime's WebCrypto accepts.
pub const PBKDF2_ITERATIONS: u32 = 100_000;
/// Bytes of random salt per password.
pub const SALT_BYTES: usize = 16;
/// Bytes of derived key stored per password.
pub const HASH_BYTES: usize = 32;
/// How long a session lasts after sign-in.
pub const SESSION_DAYS: i64 = 14;
/// How long an invitation can be accepted.
pub const INVITATION_DAYS: i64 = 7;
/// How long the link that confirms a group's sign-up works.
pub const SIGN_UP_DAYS: i64 = 2;
/// The session cookie's name.
pub const SESSION_COOKIE: &str = "sito_session";
pub const MIN_PASSWORD_CHARS: usize = 10;
const MAX_PASSWORD_CHARS: usize = 200;

/// What an account may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[derive(Serialize, Deserialize)]
#[derive(VariantArray, IntoStaticStr, AsRefStr, EnumString)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    Admin,
    Editor,
    Reviewer,
    Applicant,
    /// Informagiovani and job-desk staff: the desk's appointment slots and their bookings.
    Operator,
}

impl Role {
    /// The roles an administrator can invite or assign (applicants sign themselves up).
    pub const STAFF: [Role; 4] = [Self::Admin, Self::Editor, Self::Reviewer, Self::Operator];

    pub fn label_it(self) -> &'static str {
        match self {
            Self::Admin => "Amministratore",
            Self::Editor => "Redattore",
            Self::Reviewer => "Valutatore",
            Self::Applicant => "Gruppo proponente",
            Self::Operator => "Operatore dello sportello",
        }
    }

    /// Publishing, retiring and answering questions.
    pub fn can_edit(self) -> bool {
        matches!(self, Self::Admin | Self::Editor)
    }

    /// Reviewing the calls' proposals (operators work at the desk's appointments instead).
    pub fn can_review(self) -> bool {
        matches!(self, Self::Admin | Self::Editor | Self::Reviewer)
    }

    /// Opening the desk's slots and seeing their bookings (editors can do what operators do).
    pub fn can_operate(self) -> bool {
        matches!(self, Self::Admin | Self::Editor | Self::Operator)
    }

    /// Opening the desk at all (staff only).
    pub fn is_staff(self) -> bool {
        self != Self::Applicant
    }
}

/// An association or an informal group of young people (the calls admit both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupKind {
    Association,
    InformalGroup,
}

impl GroupKind {
    pub fn label_it(self) -> &'static str {
        match self {
            Self::Association => "Associazione",
            Self::InformalGroup => "Gruppo informale di giovani",
        }
    }
}

/// `POST /api/v1/session`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignIn {
    pub email: String,
    pub password: String,
}

/// `POST /api/v1/accounts`: an applicant group signs up.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignUp {
    pub name: String,
    pub group_kind: GroupKind,
    pub district: District,
    pub contact_person: String,
    pub email: String,
    pub password: String,
}

/// The answer to a sign-up (202), the same whether or not the e-mail has an account: the next
/// step is in the message sent to it (the link that activates the account, or, for an address
/// that has one, how to sign in).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignUpSent {
    pub email: String,
}

/// `POST /api/v1/admin/invitations`: an administrator invites a member of staff.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Invitation {
    pub email: String,
    pub name: String,
    pub role: Role,
}

/// `POST /api/v1/invitations/{token}`: the invited person chooses a password.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AcceptInvitation {
    pub password: String,
}

/// `PATCH /api/v1/admin/accounts/{id}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct AccountChange {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabled: Option<bool>,
}

/// Who is signed in, as the API tells the client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: Role,
    #[serde(default)]
    pub disabled: bool,
    /// Applicant groups only: what a proposal's first step is prefilled with.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupProfile>,
}

/// An applicant group's own details, given at sign-up.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupProfile {
    pub kind: GroupKind,
    pub district: District,
    pub contact_person: String,
}

impl GroupProfile {
    /// From the stored columns (`group_kind`, `district`, `contact_person`); `None` for staff,
    /// an error for a kind or district this build does not know.
    pub fn from_columns(
        kind: Option<&str>,
        district: Option<&str>,
        contact: Option<&str>,
    ) -> Result<Option<Self>, UnknownStoredValue> {
        let (Some(kind), Some(district), Some(contact)) = (kind, district, contact) else {
            return Ok(None);
        };
        Ok(Some(GroupProfile {
            kind: stored::parse("group_kind", kind)?,
            district: stored::parse("district", district)?,
            contact_person: contact.to_owned(),
        }))
    }
}

/// A plausible e-mail address: one `@`, something before it, a dotted domain after it.
pub fn is_plausible_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && email.len() <= 254
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !email.chars().any(char::is_whitespace)
}

fn email(errors: &mut ValidationErrors, value: &str) {
    if value.trim().is_empty() {
        errors.push("email", "required", "Campo obbligatorio.");
    } else if !is_plausible_email(value.trim()) {
        errors.push(
            "email",
            "invalid_email",
            "Indirizzo e-mail non valido, per esempio nome@esempio.it.",
        );
    }
}

/// A new password: long enough to resist guessing, short enough to hash quickly.
pub fn check_new_password(errors: &mut ValidationErrors, value: &str) {
    let len = value.chars().count();
    if len < MIN_PASSWORD_CHARS {
        errors.push(
            "password",
            "too_short",
            format!("La password deve avere almeno {MIN_PASSWORD_CHARS} caratteri."),
        );
    } else if len > MAX_PASSWORD_CHARS {
        errors.push(
            "password",
            "too_long",
            format!("Al massimo {MAX_PASSWORD_CHARS} caratteri."),
        );
    }
}

impl SignIn {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        email(&mut errors, &self.email);
        if self.password.is_empty() {
            errors.push("password", "required", "Campo obbligatorio.");
        } else if self.password.chars().count() > MAX_PASSWORD_CHARS {
            errors.push("password", "too_long", "Password troppo lunga.");
        }
        errors.into_result(())
    }
}

impl SignUp {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("name", &self.name, 120);
        errors.text("contact_person", &self.contact_person, 120);
        email(&mut errors, &self.email);
        check_new_password(&mut errors, &self.password);
        errors.into_result(())
    }
}

impl Invitation {
    pub fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::default();
        errors.text("name", &self.name, 120);
        email(&mut errors, &self.email);
        if !Role::STAFF.contains(&self.role) {
            errors.push(
                "role",
                "not_staff",
                "Si invitano solo amministratori, redattori e valutatori: i gruppi si registrano da soli.",
            );
        }
        errors.into_result(())
    }
}

/// A stored password: `pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordHash {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub hash: Vec<u8>,
}

impl PasswordHash {
    const SCHEME: &'static str = "pbkdf2-sha256";

    pub fn encode(&self) -> String {
        use base64::{engine::general_purpose::STANDARD_NO_PAD, Engine};
        format!(
            "{}${}${}${}",
            Self::SCHEME,
            self.iterations,
            STANDARD_NO_PAD.encode(&self.salt),
            STANDARD_NO_PAD.encode(&self.hash)
        )
    }

    pub fn decode(stored: &str) -> Option<Self> {
        use base64::{engine::general_purpose::STANDARD_NO_PAD, Engine};
        let mut parts = stored.split('$');
        if parts.next()? != Self::SCHEME {
            return None;
        }
        let iterations = parts.next()?.parse().ok()?;
        let salt = STANDARD_NO_PAD.decode(parts.next()?).ok()?;
        let hash = STANDARD_NO_PAD.decode(parts.next()?).ok()?;
        if parts.next().is_some() || hash.is_empty() {
            return None;
        }
        Some(Self {
            iterations,
            salt,
            hash,
        })
    }

    /// Compares a freshly derived key with the stored one in constant time.
    pub fn matches(&self, derived: &[u8]) -> bool {
        self.hash.len() == derived.len()
            && self
                .hash
                .iter()
                .zip(derived)
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hashes_round_trip_and_reject_other_schemes() {
        let stored = PasswordHash {
            iterations: PBKDF2_ITERATIONS,
            salt: vec![1; SALT_BYTES],
            hash: vec![7; HASH_BYTES],
        };
        let text = stored.encode();
        assert!(text.starts_with("pbkdf2-sha256$100000$"));
        assert_eq!(PasswordHash::decode(&text), Some(stored.clone()));
        assert!(PasswordHash::decode(&text.replace("pbkdf2-sha256", "md5")).is_none());
        assert!(PasswordHash::decode("pbkdf2-sha256$100000$AAAA").is_none());
        assert!(stored.matches(&[7; HASH_BYTES]));
        assert!(!stored.matches(&[7; HASH_BYTES - 1]));
        let mut other = [7; HASH_BYTES];
        other[31] = 8;
        assert!(!stored.matches(&other));
    }

    #[test]
    fn sign_up_reports_each_field_in_italian() {
        let errors = SignUp {
            name: " ".into(),
            group_kind: GroupKind::InformalGroup,
            district: District::Crema,
            contact_person: "Giulia".into(),
            email: "giulia.esempio.it".into(),
            password: "corta".into(),
        }
        .validate()
        .unwrap_err();
        let codes: Vec<_> = errors
            .0
            .iter()
            .map(|e| (e.field.to_string(), e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                ("name", "required"),
                ("email", "invalid_email"),
                ("password", "too_short")
            ]
            .map(|(f, c)| (f.to_owned(), c))
        );
        assert!(errors.0[2].message.contains("almeno 10 caratteri"));
    }

    #[test]
    fn only_staff_can_be_invited() {
        let invitation = Invitation {
            email: "gruppo@example.org".into(),
            name: "Gruppo".into(),
            role: Role::Applicant,
        };
        assert_eq!(invitation.validate().unwrap_err().0[0].code, "not_staff");
        assert!(Invitation {
            role: Role::Reviewer,
            ..invitation
        }
        .validate()
        .is_ok());
    }

    #[test]
    fn emails() {
        for good in ["a@b.it", "nome.cognome@comune.crema.cr.it"] {
            assert!(is_plausible_email(good), "{good}");
        }
        for bad in [
            "", "a", "a@b", "@b.it", "a@b@c.it", "a b@c.it", "a@.it", "a@b.",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
    }
}
