//! Changing one's own password: the current one must match, the new one pass the policy and be
//! typed twice alike. In one transaction the password is replaced, every session of the account
//! revoked (its session epoch moves on), the audit event written, and the caller's new session
//! started; a refusal writes nothing.

use entity::user;
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait};

use super::{FieldErrors, Passwords};
use crate::db::audit::{self, NewEvent};
use crate::db::users;
use crate::password_policy::check_policy;

/// True when a password matches a stored hash (the scheme lives with the login in `auth`).
pub type Verify = fn(&str, &str) -> bool;

/// A change as typed on the form.
pub struct PasswordChange<'a> {
    pub current: &'a str,
    pub new: &'a str,
    pub confirm: &'a str,
}

/// The problems of `input` for `account`, field by field (every one, not just the first).
fn problems(account: &user::Model, input: &PasswordChange<'_>, verify: Verify) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if !verify(input.current, &account.password_hash) {
        errors.push(("current_password", "err-current-password"));
    }
    if let Err(e) = check_policy(input.new, &account.username) {
        errors.push(("new_password", e.message_key()));
    }
    if input.new != input.confirm {
        errors.push(("confirm_password", "err-password-mismatch"));
    }
    errors
}

/// Changes `account`'s password; `new_session` starts the caller's own session inside the
/// transaction (every other one ends).
pub async fn change(
    db: &DatabaseConnection,
    account: user::Model,
    input: &PasswordChange<'_>,
    (passwords, verify): (Passwords, Verify),
    new_session: impl AsyncFnOnce(&DatabaseTransaction, &user::Model) -> Result<(), DbErr>,
) -> Result<Result<user::Model, FieldErrors>, DbErr> {
    let errors = problems(&account, input, verify);
    if !errors.is_empty() {
        return Ok(Err(errors));
    }
    let hash = (passwords.hash)(input.new)
        .map_err(|e| DbErr::Custom(format!("password hashing failed: {e}")))?;
    let txn = db.begin().await?;
    let account = users::update_password(&txn, account, hash).await?;
    let event = NewEvent {
        actor_id: Some(account.id),
        action: "account.password_changed".into(),
        details: account.username.clone(),
        ..Default::default()
    };
    audit::record(&txn, event).await?;
    new_session(&txn, &account).await?;
    txn.commit().await?;
    Ok(Ok(account))
}
