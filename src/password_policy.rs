//! The password policy: 10 to 128 characters, not the username, and not guessable by zxcvbn's
//! estimate (common passwords, keyboard walks, repeats, dates, …). Pure, so configuration
//! (the first admin's password) and accounts check the same rule.

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
    /// Common or easily guessed (zxcvbn score below `MIN_SCORE`).
    Guessable,
}

/// Lowest accepted zxcvbn score: 3 means "safely unguessable" (about 10^10 guesses), the
/// level zxcvbn recommends where offline attacks on the hashes are possible.
const MIN_SCORE: u8 = 3;
/// Words anyone attacking a Juara installation would try first.
const APP_WORDS: &[&str] = &[
    "juara",
    "lomba",
    "desa",
    "kelurahan",
    "dpmpd",
    "admin", // not a state: a word attackers try
    "panitia",
];

impl PolicyError {
    /// The locale key of the message shown next to the field.
    #[must_use]
    pub fn message_key(self) -> &'static str {
        match self {
            PolicyError::TooShort => "err-password-too-short",
            PolicyError::TooLong => "err-password-too-long",
            PolicyError::SameAsUsername => "err-password-is-username",
            PolicyError::Guessable => "err-password-guessable",
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
    let mut inputs = APP_WORDS.to_vec();
    inputs.push(username);
    if u8::from(zxcvbn::zxcvbn(password, &inputs).score()) < MIN_SCORE {
        return Err(PolicyError::Guessable);
    }
    Ok(())
}
