//! Password hashing with argon2id (the crate's defaults: 19 MiB, 2 passes, 1 lane, as OWASP
//! recommends). The policy itself lives in `password_policy` (configuration checks it too).

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

pub use crate::password_policy::{MAX_LENGTH, MIN_LENGTH, PolicyError, check_policy};

/// The argon2 scheme as the accounts rules take it.
pub const SCHEME: crate::app::accounts::Passwords =
    crate::app::accounts::Passwords { hash, generate };

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
    fn policy_refuses_common_and_guessable_passwords() {
        for weak in [
            "aaaaaaaaaa",
            "1234567890",
            "password123",
            "qwertyuiop",
            "juara12345",
            "budi-budi-budi",
        ] {
            assert_eq!(
                check_policy(weak, "budi"),
                Err(PolicyError::Guessable),
                "{weak}"
            );
        }
        assert_eq!(check_policy("kata-sandi-uji-123", "budi"), Ok(()));
        assert_eq!(check_policy("sandi-baru-yang-panjang", "budi"), Ok(()));
    }

    #[test]
    fn generated_passwords_pass_the_policy_and_differ() {
        let a = generate();
        assert_eq!(a.chars().count(), 20);
        assert_eq!(check_policy(&a, "admin"), Ok(())); // not a state: a username
        assert_ne!(a, generate());
    }
}
