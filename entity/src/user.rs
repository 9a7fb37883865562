//! An account: admin (DPMPD committee, optionally scoped to a region), judge or village operator.

use sea_orm::entity::prelude::*;

pub use crate::states::Role;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "user")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    /// `admin`, `judge` or `village`.
    pub role: Role,
    /// Admin: the region they manage (none = national). Judge: home region (conflicts).
    pub region_code: Option<String>,
    /// Village operator: the village they act for.
    pub village_code: Option<String>,
    pub active: bool,
    /// Bumped to invalidate every session of this user (password change, deactivation).
    pub session_epoch: i32,
    /// Set for a generated password: every page leads to the change-password form until done.
    pub must_change_password: bool,
    pub created_at: DateTimeWithTimeZone,
    pub updated_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
