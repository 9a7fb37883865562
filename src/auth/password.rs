//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, 1 lane, as OWASP
//! recommends) and the password policy.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

/// Shortest accepted password, in characters.
pub const MIN_LENGTH: usize = 10;
/// Longest accepted password: bounds the hashing work an attacker can ask for.
pub const MAX_LENGTH: usize = 128;

/// Why a password was refused (message keys in the locale files).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PolicyError {
    TooShort,
    TooLong,
    SameAsUsername,
}

impl PolicyError {
    /// The locale key of the message shown next to the field.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            PolicyError::TooShort => "err-password-too-short",
            PolicyError::TooLong => "err-password-too-long",
            PolicyError::SameAsUsername => "err-password-is-username",
        }
    }
}

/// Checks the password policy.
pub fn check_policy(password: &str, username: &str) -> Result<(), PolicyError> {
    let n = password.chars().count();
    if n < MIN_LENGTH {
        return Err(PolicyError::TooShort);
    }
    if n > MAX_LENGTH {
        return Err(PolicyError::TooLong);
    }
    if password.eq_ignore_ascii_case(username) {
        return Err(PolicyError::SameAsUsername);
    }
    Ok(())
}

/// Hashes a password into a PHC string with a fresh random salt.
pub fn hash(password: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// True when `password` matches the stored PHC string.
#[must_use]
pub fn verify(password: &str, phc: &str) -> bool {
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
}

/// Spends the same time as a real check, so an unknown username is not revealed by timing.
pub fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash(&generate()).unwrap_or_default());
    let _ = verify(password, phc);
}

/// A random password for generated accounts: 20 characters from an unambiguous alphabet.
#[must_use]
pub fn generate() -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..20)
        .filter_map(|_| ALPHABET.get(rng.random_range(0..ALPHABET.len())))
        .map(|b| char::from(*b))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_then_verify() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &h));
        assert!(!verify("wrong horse battery", &h));
        assert!(!verify("x", "not a phc string"));
    }

    #[test]
    fn policy_refuses_short_long_and_username() {
        assert_eq!(check_policy("short", "budi"), Err(PolicyError::TooShort));
        assert_eq!(
            check_policy(&"x".repeat(129), "budi"),
            Err(PolicyError::TooLong)
        );
        assert_eq!(
            check_policy("operator_desa", "OPERATOR_DESA"),
            Err(PolicyError::SameAsUsername)
        );
        assert_eq!(check_policy("panjang sekali", "budi"), Ok(()));
    }

    #[test]
    fn generated_passwords_pass_the_policy_and_differ() {
        let a = generate();
        assert_eq!(a.chars().count(), 20);
        assert_eq!(check_policy(&a, "admin"), Ok(()));
        assert_ne!(a, generate());
    }
}
