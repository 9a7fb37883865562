//! Who is acting, as plain data: the account's role and region scope. The `auth` guards build
//! a [`CurrentUser`] from the session; `db` and `app` take it to scope their queries and rules
//! without depending on Rocket or on the guards.

use serde::Serialize;

use crate::ids::UserId;

/// What an account may do (the entity enum, stored as its lowercase name).
pub use entity::Role;

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
