//! Who the caller is: request guards built on the session cookie. `CurrentUser` loads the
//! account; `AdminUser`, `JudgeUser` and `VillageUser` stack a role check on it. Whether a user
//! may touch a particular object is decided by scoped queries in `db`, not here.

pub mod api;
pub mod credentials;
pub mod csrf;
pub mod password;
pub mod session;
pub mod throttle;

use rocket::http::Status;
use rocket::outcome::try_outcome;
use rocket::request::{FromRequest, Outcome, Request};
use sea_orm::DatabaseConnection;

pub use crate::identity::{CurrentUser, Role};
use crate::ids::UserId;

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
    let Some(role) = Some(user.role) else {
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
