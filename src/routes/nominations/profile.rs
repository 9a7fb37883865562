//! The profile form of a draft and its server-side checks: lengths, whole numbers ≥ 0,
//! e-mail shape, phone digits, a known development status. Every problem is reported under
//! its field; nothing here touches the database.

use rocket::form::FromForm;

use crate::db::nominations::{DEVELOPMENT_STATUSES, Profile};
use crate::forms::FormState;

/// The submitted profile form (all text, parsed here so messages stay ours).
#[derive(FromForm)]
pub struct ProfileForm<'r> {
    pub head_name: &'r str,
    pub head_is_acting: bool,
    pub development_status: &'r str,
    pub population: &'r str,
    pub households: &'r str,
    pub contact_name: &'r str,
    pub contact_phone: &'r str,
    pub contact_email: &'r str,
    pub achievements: &'r str,
    pub description: &'r str,
    /// The version the form was rendered from (optimistic concurrency).
    pub version: &'r str,
}

const SHORT: usize = 120;
const LONG: usize = 5000;
/// More people than any village has; catches typos such as an extra zero row.
const MAX_PEOPLE: i32 = 10_000_000;

/// The checked profile and the version it was edited from, or `None` with the errors added
/// to `state` (message keys translated to `lang`).
pub fn check(f: &ProfileForm<'_>, state: &mut FormState, lang: &str) -> Option<(Profile, i32)> {
    let mut err = |field: &str, key: &str| state.add_key(field, lang, key);
    for (field, value, max) in [
        ("head_name", f.head_name, SHORT),
        ("contact_name", f.contact_name, SHORT),
        ("contact_email", f.contact_email, SHORT),
        ("achievements", f.achievements, LONG),
        ("description", f.description, LONG),
    ] {
        if value.trim().chars().count() > max {
            err(
                field,
                if max == SHORT {
                    "nom-err-too-long-short"
                } else {
                    "nom-err-too-long"
                },
            );
        }
    }
    let status = f.development_status.trim();
    if !status.is_empty() && !DEVELOPMENT_STATUSES.contains(&status) {
        err("development_status", "err-choice");
    }
    let population = count(f.population).unwrap_or_else(|key| {
        err("population", key);
        None
    });
    let households = count(f.households).unwrap_or_else(|key| {
        err("households", key);
        None
    });
    if let (Some(p), Some(h)) = (population, households)
        && h > p
    {
        err("households", "nom-err-households");
    }
    let phone = f.contact_phone.trim();
    if !phone.is_empty() && !phone_ok(phone) {
        err("contact_phone", "nom-err-phone");
    }
    let email = f.contact_email.trim();
    if !email.is_empty() && !email_ok(email) {
        err("contact_email", "nom-err-email");
    }
    let version = f.version.trim().parse::<i32>().ok();
    if version.is_none() {
        state.form_errors.push(crate::i18n::t(lang, "err-invalid"));
    }
    if !state.is_ok() {
        return None;
    }
    let profile = Profile {
        head_name: f.head_name.trim().to_owned(),
        head_is_acting: f.head_is_acting,
        development_status: status.to_owned(),
        population,
        households,
        contact_name: f.contact_name.trim().to_owned(),
        contact_phone: phone.to_owned(),
        contact_email: email.to_owned(),
        achievements: f.achievements.trim().to_owned(),
        description: f.description.trim().to_owned(),
    };
    version.map(|v| (profile, v))
}

/// An optional whole number ≥ 0, or the message key of what is wrong with it.
fn count(text: &str) -> Result<Option<i32>, &'static str> {
    let text = text.trim().replace('.', "");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<i64>() {
        Ok(n) if n < 0 => Err("nom-err-negative"),
        Ok(n) => i32::try_from(n)
            .ok()
            .filter(|n| *n <= MAX_PEOPLE)
            .map(Some)
            .ok_or("err-range"),
        Err(_) => Err("err-number"),
    }
}

/// 8–15 digits, optionally a leading `+`, spaces and dashes between groups.
fn phone_ok(phone: &str) -> bool {
    let body = phone.strip_prefix('+').unwrap_or(phone);
    let digits = body.chars().filter(char::is_ascii_digit).count();
    body.chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && (8..=15).contains(&digits)
        && phone.len() <= 32
}

/// The shape `local@domain.tld`, no spaces; deliverability is not our business.
fn email_ok(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && domain
            .split_once('.')
            .is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && !b.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_numbers_from_zero() {
        assert_eq!(count(""), Ok(None));
        assert_eq!(count(" 1.250 "), Ok(Some(1250)));
        assert_eq!(count("0"), Ok(Some(0)));
        assert_eq!(count("-3"), Err("nom-err-negative"));
        assert_eq!(count("abc"), Err("err-number"));
        assert_eq!(count("99999999999"), Err("err-range"));
    }

    #[test]
    fn phones_and_emails_have_a_plausible_shape() {
        for ok in ["0812-3456-7890", "+62 812 3456 7890", "0291431234"] {
            assert!(phone_ok(ok), "{ok}");
        }
        for bad in [
            "12345",
            "0812abc4567",
            "++6281234567",
            "0812 3456 7890 1234 5",
        ] {
            assert!(!phone_ok(bad), "{bad}");
        }
        assert!(email_ok("desa.maju@kuduskab.go.id"));
        for bad in [
            "desa",
            "a@b",
            "@kudus.go.id",
            "a b@c.id",
            "a@b@c.id",
            "a@.id",
        ] {
            assert!(!email_ok(bad), "{bad}");
        }
    }
}
