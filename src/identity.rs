//! Who is acting, as plain data: the account's role and region scope. The `auth` guards build
//! a [`CurrentUser`] from the session; `db` and `app` take it to scope their queries and rules
//! without depending on Rocket or on the guards.

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
