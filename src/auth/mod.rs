//! Who the caller is: request guards built on the session cookie. `CurrentUser` loads the
//! account; `AdminUser`, `JudgeUser` and `VillageUser` stack a role check on it. Whether a user
//! may touch a particular object is decided by scoped queries in `db`, not here.

pub mod api;
pub mod csrf;
pub mod password;
pub mod session;
pub mod throttle;

use rocket::http::Status;
use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome, Request};
use sea_orm::DatabaseConnection;
use serde::Serialize;

use crate::ids::UserId;

/// What an account may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// DPMPD committee staff; scoped to a region (none = national).
    Admin,
    /// A member of a judging panel (*tim penilai*).
    Judge,
    /// A village operator acting for one desa or kelurahan.
    Village,
}

impl Role {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Judge => "judge",
            Role::Village => "village",
        }
    }

    /// Parses the stored name.
    #[must_use]
    pub fn parse(s: &str) -> Option<Role> {
        match s {
            "admin" => Some(Role::Admin),
            "judge" => Some(Role::Judge),
            "village" => Some(Role::Village),
            _ => None,
        }
    }
}

/// Why a guard refused.
#[derive(Debug)]
pub enum AuthError {
    NotLoggedIn,
    WrongRole,
    /// The database did not answer (503, never 401).
    Unavailable,
    /// A generated password must be replaced first.
    MustChangePassword,
}

/// The logged-in account.
#[derive(Clone, Debug, Serialize)]
pub struct CurrentUser {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Admin scope or judge home region.
    pub region_code: Option<String>,
    /// The village a village operator acts for.
    pub village_code: Option<String>,
}

impl CurrentUser {
    /// True when this admin's scope contains `code` (a national admin's contains everything).
    #[must_use]
    pub fn scope_contains(&self, code: &str) -> bool {
        match &self.region_code {
            None => true,
            Some(scope) => crate::registry::Level::contains(scope, code),
        }
    }
}

/// What the credentials of a request resolve to, computed once per request.
#[derive(Clone, Debug)]
pub enum Lookup {
    /// A live session or API token.
    User {
        user: CurrentUser,
        /// The account still has a generated password to replace.
        must_change_password: bool,
    },
    /// No credentials, or credentials that are void (expired, revoked, forged).
    Anonymous,
    /// The database could not be asked: the caller's identity is unknown, not absent.
    Unavailable,
}

impl Lookup {
    /// The credentials of this request, read from the database once and cached.
    pub async fn of<'r>(req: &'r Request<'_>) -> &'r Lookup {
        req.local_cache_async(async { resolve(req).await }).await
    }

    /// True when an account with a generated password asks for anything but the few paths
    /// that let it change the password or leave.
    #[must_use]
    pub fn blocked_by_password_change(&self, req: &Request<'_>) -> bool {
        matches!(
            self,
            Lookup::User {
                must_change_password: true,
                ..
            }
        ) && !PASSWORD_CHANGE_PATHS.contains(&req.uri().path().as_str())
    }
}

/// Paths open to an account that must change its password first.
const PASSWORD_CHANGE_PATHS: &[&str] = &["/account/password", "/logout", "/account/logout-all"];

/// The guard-independent marker the catchers read to send such an account to the form.
#[derive(Clone, Copy, Debug, Default)]
pub struct PasswordChangeRequired(pub bool);

async fn resolve(req: &Request<'_>) -> Lookup {
    let Some(db) = req.rocket().state::<DatabaseConnection>() else {
        return Lookup::Unavailable;
    };
    let found = match api::bearer(req) {
        // An API client: the token alone decides, cookies are ignored.
        Some(token) => by_token(db, token).await,
        None => match session::read(req.cookies()) {
            None => Ok(None),
            Some(claims) => crate::db::sessions::find_with_user(db, claims.sid)
                .await
                .map(|row| {
                    row.filter(|(s, u)| session::still_valid(&claims, s, u))
                        .map(|(_, u)| u)
                }),
        },
    };
    let user = match found {
        Ok(Some(user)) => user,
        Ok(None) => return Lookup::Anonymous,
        Err(e) => {
            log::error!(
                "{} {}: identifying the caller failed: {e}",
                req.method(),
                req.uri()
            );
            return Lookup::Unavailable;
        }
    };
    let Some(role) = Role::parse(&user.role) else {
        return Lookup::Anonymous;
    };
    Lookup::User {
        must_change_password: user.must_change_password,
        user: CurrentUser {
            id: UserId::from(user.id),
            username: user.username,
            display_name: user.display_name,
            role,
            region_code: user.region_code,
            village_code: user.village_code,
        },
    }
}

async fn by_token(
    db: &DatabaseConnection,
    token: &str,
) -> Result<Option<entity::user::Model>, sea_orm::DbErr> {
    let hash = api::hash(token);
    let Some(row) = crate::db::api_tokens::find_live_by_hash(db, &hash).await? else {
        return Ok(None);
    };
    let owner = row.user_id;
    crate::db::api_tokens::touch(db, row).await?;
    let user = crate::db::users::find_by_id(db, UserId::from(owner)).await?;
    Ok(user.filter(|u| u.active))
}

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CurrentUser {
    type Error = AuthError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        let lookup = Lookup::of(req).await;
        if lookup.blocked_by_password_change(req) {
            req.local_cache(|| PasswordChangeRequired(true));
            return Outcome::Error((Status::Forbidden, AuthError::MustChangePassword));
        }
        match lookup {
            Lookup::User { user, .. } => Outcome::Success(user.clone()),
            Lookup::Anonymous => Outcome::Error((Status::Unauthorized, AuthError::NotLoggedIn)),
            Lookup::Unavailable => {
                Outcome::Error((Status::ServiceUnavailable, AuthError::Unavailable))
            }
        }
    }
}

macro_rules! role_guard {
    ($(#[$doc:meta])* $name:ident, $role:expr) => {
        $(#[$doc])*
        #[derive(Clone, Debug)]
        pub struct $name(pub CurrentUser);

        #[rocket::async_trait]
        impl<'r> FromRequest<'r> for $name {
            type Error = AuthError;

            async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
                let user = try_outcome!(req.guard::<CurrentUser>().await);
                if user.role == $role {
                    Outcome::Success($name(user))
                } else {
                    Outcome::Error((Status::Forbidden, AuthError::WrongRole))
                }
            }
        }
    };
}

role_guard!(
    /// A logged-in committee admin.
    AdminUser,
    Role::Admin
);
role_guard!(
    /// A logged-in judge.
    JudgeUser,
    Role::Judge
);
role_guard!(
    /// A logged-in village operator.
    VillageUser,
    Role::Village
);
