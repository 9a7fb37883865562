//! The accounts aggregate: creating an account, shared by the admin pages and the
//! `create-user` command — username shape, password policy, role-specific region and
//! village, and the creating admin's scope. Refusals are field errors as locale keys.

pub mod password;

use entity::user;
use sea_orm::{ConnectionTrait, DbErr};

use crate::app::regions;
use crate::db::{self, users};
use crate::identity::{CurrentUser, Role};
use crate::password_policy::check_policy;
use crate::registry::{Level, VillageKind};

/// How passwords are made and hashed (the argon2 scheme lives with the login in `auth`).
#[derive(Clone, Copy)]
pub struct Passwords {
    pub hash: fn(&str) -> Result<String, String>,
    pub generate: fn() -> String,
}

/// What someone asked for.
#[derive(Clone, Debug, Default)]
pub struct AccountInput {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub region_code: String,
    pub village_code: String,
    /// Empty: generate one.
    pub password: String,
}

/// A checked account, ready to insert, and the password when it was generated.
pub struct CheckedAccount {
    pub new_user: users::NewUser,
    pub generated_password: Option<String>,
}

/// Field name and locale key of each problem.
pub type FieldErrors = Vec<(&'static str, &'static str)>;

fn valid_username(u: &str) -> bool {
    (3..=64).contains(&u.len())
        && u.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
}

/// Checks the input against every rule; `actor` is the admin creating it (`None` for the CLI).
pub async fn check<C: ConnectionTrait>(
    db: &C,
    input: &AccountInput,
    actor: Option<&CurrentUser>,
    passwords: Passwords,
) -> Result<Result<CheckedAccount, FieldErrors>, DbErr> {
    let mut errors: FieldErrors = Vec::new();
    let username = input.username.trim().to_lowercase();
    if !valid_username(&username) {
        errors.push(("username", "err-username-format"));
    } else if users::find_by_username(db, &username).await?.is_some() {
        errors.push(("username", "err-username-taken"));
    }
    let display_name = input.display_name.trim().to_owned();
    if display_name.is_empty() || display_name.chars().count() > 120 {
        errors.push(("display_name", "err-required"));
    }
    let role = Role::parse(input.role.trim());
    if role.is_none() {
        errors.push(("role", "err-choice"));
    }
    let in_scope = |code: &str| actor.is_none_or(|a| a.scope_contains(code));
    let mut region = None;
    let mut village = None;
    match role {
        Some(Role::Village) => {
            let typed = regions::resolve(db, &input.village_code, &[Level::Village]).await?;
            match typed {
                Ok(None) => errors.push(("village_code", "err-required")),
                Ok(Some(r)) if r.kind == Some(VillageKind::Other) => {
                    errors.push(("village_code", "err-unknown-village"));
                }
                Ok(Some(r)) => {
                    if !in_scope(&r.code) {
                        errors.push(("village_code", "err-outside-scope"));
                    }
                    village = Some(r.code);
                }
                Err(key) => errors.push((
                    "village_code",
                    refusal(key, &input.village_code, "err-unknown-village"),
                )),
            }
        }
        Some(Role::Admin | Role::Judge) => {
            match regions::resolve(db, &input.region_code, &ABOVE_VILLAGE).await? {
                Ok(Some(r)) => {
                    if !in_scope(&r.code) {
                        errors.push(("region_code", "err-outside-scope"));
                    }
                    region = Some(r.code);
                }
                Ok(None) => {
                    if role == Some(Role::Admin) && actor.is_some_and(|a| a.region_code.is_some()) {
                        // A regional admin cannot create a national one.
                        errors.push(("region_code", "err-outside-scope"));
                    }
                }
                Err(key) => errors.push((
                    "region_code",
                    refusal(key, &input.region_code, "err-unknown-region"),
                )),
            }
        }
        None => {}
    }
    let generated = input.password.is_empty().then(passwords.generate);
    let plain = generated.clone().unwrap_or_else(|| input.password.clone());
    if let Err(e) = check_policy(&plain, &username) {
        errors.push(("password", e.message_key()));
    }
    let (Some(role), true) = (role, errors.is_empty()) else {
        return Ok(Err(errors));
    };
    let password_hash = match (passwords.hash)(&plain) {
        Ok(h) => h,
        Err(e) => return Err(DbErr::Custom(format!("password hashing failed: {e}"))),
    };
    Ok(Ok(CheckedAccount {
        new_user: users::NewUser {
            username,
            display_name,
            password_hash,
            role,
            region_code: if role == Role::Village { None } else { region },
            village_code: if role == Role::Village { village } else { None },
        },
        generated_password: generated,
    }))
}

/// The levels an admin's or judge's region may have.
const ABOVE_VILLAGE: [Level; 3] = [Level::Province, Level::Regency, Level::District];

/// The message for a region field that names no region it takes: a code gets `for_code`
/// (which lists the levels the field takes), a name the picker's advice.
fn refusal(key: &'static str, typed: &str, for_code: &'static str) -> &'static str {
    let code_typed = typed.trim_start().starts_with(|c: char| c.is_ascii_digit());
    match key {
        regions::WRONG_LEVEL => for_code,
        regions::UNKNOWN if code_typed => for_code,
        other => other,
    }
}

/// Checks and creates the account: the stored user and the password if one was generated.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    input: &AccountInput,
    actor: Option<&CurrentUser>,
    passwords: Passwords,
) -> Result<Result<(user::Model, Option<String>), FieldErrors>, DbErr> {
    let checked = match check(db, input, actor, passwords).await? {
        Ok(c) => c,
        Err(errors) => return Ok(Err(errors)),
    };
    match users::insert(db, checked.new_user).await {
        Ok(u) => Ok(Ok((u, checked.generated_password))),
        // Two admins creating the same username at once: the database has the last word.
        Err(e) if db::is_unique_violation(&e) => Ok(Err(vec![("username", "err-username-taken")])),
        Err(e) => Err(e),
    }
}

/// Why an admin may not (de)activate an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActiveRefusal {
    /// Missing, or outside the admin's region (they look alike).
    NotFound,
    /// Nobody deactivates themselves.
    Own,
}

/// Activates or deactivates the account `id` inside `who`'s scope (ending its sessions).
pub async fn set_active<C: ConnectionTrait>(
    db: &C,
    who: &CurrentUser,
    id: crate::ids::UserId,
    on: bool,
) -> Result<Result<user::Model, ActiveRefusal>, DbErr> {
    let Some(account) = users::find_by_id(db, id).await? else {
        return Ok(Err(ActiveRefusal::NotFound));
    };
    let code = account
        .village_code
        .clone()
        .or_else(|| account.region_code.clone());
    let visible = who.region_code.is_none() || code.is_some_and(|c| who.scope_contains(&c));
    if !visible {
        return Ok(Err(ActiveRefusal::NotFound));
    }
    if account.id == who.id.into_uuid() {
        return Ok(Err(ActiveRefusal::Own));
    }
    Ok(Ok(users::set_active(db, account, on).await?))
}

/// Makes a token: the token itself, its display prefix and its stored hash (`auth::api`).
pub type TokenMaker = fn() -> (String, String, String);

/// Creates a personal API token for `user` named `name`: the token (shown once, only its
/// hash is kept) and the stored row, or the problem with the name.
pub async fn create_token<C: ConnectionTrait>(
    db: &C,
    user: crate::ids::UserId,
    name: &str,
    make: TokenMaker,
) -> Result<Result<(String, entity::api_token::Model), FieldErrors>, DbErr> {
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Ok(Err(vec![("name", "err-required")]));
    }
    let (token, prefix, hash) = make();
    let row = db::api_tokens::insert(db, user, name, &prefix, &hash).await?;
    Ok(Ok((token, row)))
}

/// The accounts an admin may list: inside their region, of `role` when given, matching `query`
/// (blank = all).
#[must_use]
pub fn visible_to(who: &CurrentUser, role: Option<Role>, query: Option<&str>) -> users::UserFilter {
    users::UserFilter {
        role,
        region_prefix: who.region_code.clone(),
        query: query
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned),
    }
}
