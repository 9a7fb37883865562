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
    Unavailable,
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

#[rocket::async_trait]
impl<'r> FromRequest<'r> for CurrentUser {
    type Error = AuthError;

    async fn from_request(req: &'r Request<'_>) -> Outcome<Self, Self::Error> {
        // Cached so that the page layout and the handler share one database read.
        let cached: &Option<CurrentUser> = req
            .local_cache_async(async {
                let db = req.rocket().state::<DatabaseConnection>()?;
                let user = match api::bearer(req) {
                    // An API client: the token alone decides, cookies are ignored.
                    Some(token) => {
                        let hash = api::hash(token);
                        let row = crate::db::api_tokens::find_live_by_hash(db, &hash)
                            .await
                            .ok()??;
                        let owner = row.user_id;
                        crate::db::api_tokens::touch(db, row).await.ok()?;
                        let user = crate::db::users::find_by_id(db, UserId::from(owner))
                            .await
                            .ok()??;
                        if !user.active {
                            return None;
                        }
                        user
                    }
                    None => {
                        let claims = session::read(req.cookies())?;
                        let user = crate::db::users::find_by_id(db, claims.user).await.ok()??;
                        if !session::still_valid(&claims, &user) {
                            return None;
                        }
                        user
                    }
                };
                Some(CurrentUser {
                    id: UserId::from(user.id),
                    username: user.username,
                    display_name: user.display_name,
                    role: Role::parse(&user.role)?,
                    region_code: user.region_code,
                    village_code: user.village_code,
                })
            })
            .await;
        match cached {
            Some(user) => Outcome::Success(user.clone()),
            None if req.rocket().state::<DatabaseConnection>().is_none() => {
                Outcome::Error((Status::InternalServerError, AuthError::Unavailable))
            }
            None => Outcome::Error((Status::Unauthorized, AuthError::NotLoggedIn)),
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
