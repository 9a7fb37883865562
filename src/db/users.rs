//! Accounts and login attempts. Password hashing lives in `auth::password`; this file only
//! stores and finds rows.

use chrono::{DateTime, FixedOffset, Utc};
use entity::{login_attempt, user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use uuid::Uuid;

use crate::identity::Role;
use crate::ids::UserId;

/// A validated account to insert (the password is already hashed).
pub struct NewUser {
    pub username: String,
    pub display_name: String,
    pub password_hash: String,
    pub role: Role,
    pub region_code: Option<String>,
    pub village_code: Option<String>,
}

/// Inserts an account. A duplicate username fails with a unique violation.
pub async fn insert<C: ConnectionTrait>(db: &C, new: NewUser) -> Result<user::Model, DbErr> {
    let now = Utc::now().fixed_offset();
    user::ActiveModel {
        id: Set(Uuid::new_v4()),
        username: Set(new.username),
        display_name: Set(new.display_name),
        password_hash: Set(new.password_hash),
        role: Set(new.role),
        region_code: Set(new.region_code),
        village_code: Set(new.village_code),
        active: Set(true),
        session_epoch: Set(0),
        must_change_password: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await
}

/// The account with this id.
pub async fn find_by_id<C: ConnectionTrait>(
    db: &C,
    id: UserId,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find_by_id(id.into_uuid()).one(db).await
}

/// The account with this username (usernames are stored lower-case).
pub async fn find_by_username<C: ConnectionTrait>(
    db: &C,
    username: &str,
) -> Result<Option<user::Model>, DbErr> {
    user::Entity::find()
        .filter(user::Column::Username.eq(username.to_lowercase()))
        .one(db)
        .await
}

/// How many accounts exist.
pub async fn count<C: ConnectionTrait>(db: &C) -> Result<u64, DbErr> {
    user::Entity::find().count(db).await
}

/// Filters for the account list.
#[derive(Default)]
pub struct UserFilter {
    pub role: Option<Role>,
    /// Only accounts whose region or village code starts with this prefix.
    pub region_prefix: Option<String>,
    pub query: Option<String>,
}

/// One page of accounts, newest first, and the total count.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &UserFilter,
    page: u64,
    per_page: u64,
) -> Result<(Vec<user::Model>, u64), DbErr> {
    let mut q = user::Entity::find();
    if let Some(role) = filter.role {
        q = q.filter(user::Column::Role.eq(role.as_str()));
    }
    if let Some(prefix) = &filter.region_prefix {
        q = q.filter(
            Condition::any()
                .add(user::Column::RegionCode.starts_with(prefix.as_str()))
                .add(user::Column::VillageCode.starts_with(prefix.as_str())),
        );
    }
    if let Some(text) = &filter.query {
        let text = text.to_lowercase();
        q = q.filter(
            Condition::any()
                .add(user::Column::Username.contains(text.as_str()))
                .add(user::Column::DisplayName.contains(text.as_str())),
        );
    }
    let total = q.clone().count(db).await?;
    let rows = q
        .order_by_desc(user::Column::CreatedAt)
        .order_by_asc(user::Column::Username)
        .offset(page.saturating_mul(per_page))
        .limit(per_page)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// Replaces the password hash and invalidates every existing session of the account.
pub async fn update_password<C: ConnectionTrait>(
    db: &C,
    account: user::Model,
    password_hash: String,
) -> Result<user::Model, DbErr> {
    let epoch = account.session_epoch.saturating_add(1);
    crate::db::sessions::revoke_all(db, account.id).await?;
    let mut active: user::ActiveModel = account.into();
    active.password_hash = Set(password_hash);
    active.must_change_password = Set(false);
    active.session_epoch = Set(epoch);
    active.updated_at = Set(Utc::now().fixed_offset());
    active.update(db).await
}

/// Activates or deactivates an account; deactivation ends its sessions.
pub async fn set_active<C: ConnectionTrait>(
    db: &C,
    account: user::Model,
    active_flag: bool,
) -> Result<user::Model, DbErr> {
    let epoch = account.session_epoch.saturating_add(1);
    let mut active: user::ActiveModel = account.into();
    active.active = Set(active_flag);
    active.session_epoch = Set(epoch);
    active.updated_at = Set(Utc::now().fixed_offset());
    active.update(db).await
}

/// Marks the account's password as one to change at the next login (generated passwords).
pub async fn require_password_change<C: ConnectionTrait>(
    db: &C,
    account: user::Model,
) -> Result<user::Model, DbErr> {
    let mut active: user::ActiveModel = account.into();
    active.must_change_password = Set(true);
    active.updated_at = Set(Utc::now().fixed_offset());
    active.update(db).await
}

/// Records one login attempt.
pub async fn record_attempt<C: ConnectionTrait>(
    db: &C,
    username: &str,
    ip: &str,
    succeeded: bool,
    at: DateTime<FixedOffset>,
) -> Result<(), DbErr> {
    login_attempt::ActiveModel {
        username: Set(username.to_lowercase()),
        ip: Set(ip.to_owned()),
        succeeded: Set(succeeded),
        attempted_at: Set(at),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Failures of this username from this address since `since` and since the pair's last
/// success, with the time of the latest one.
pub async fn pair_failures<C: ConnectionTrait>(
    db: &C,
    username: &str,
    ip: &str,
    since: DateTime<FixedOffset>,
) -> Result<(u64, Option<DateTime<FixedOffset>>), DbErr> {
    let of_pair = || {
        login_attempt::Entity::find()
            .filter(login_attempt::Column::Username.eq(username))
            .filter(login_attempt::Column::Ip.eq(ip))
            .filter(login_attempt::Column::AttemptedAt.gte(since))
    };
    let last_success = of_pair()
        .filter(login_attempt::Column::Succeeded.eq(true))
        .order_by_desc(login_attempt::Column::AttemptedAt)
        .one(db)
        .await?
        .map(|a| a.attempted_at);
    let mut failures = of_pair().filter(login_attempt::Column::Succeeded.eq(false));
    if let Some(t) = last_success {
        failures = failures.filter(login_attempt::Column::AttemptedAt.gt(t));
    }
    let latest = failures
        .clone()
        .order_by_desc(login_attempt::Column::AttemptedAt)
        .one(db)
        .await?
        .map(|a| a.attempted_at);
    Ok((failures.count(db).await?, latest))
}

/// Failures of this username from any address since `since`.
pub async fn account_failures<C: ConnectionTrait>(
    db: &C,
    username: &str,
    since: DateTime<FixedOffset>,
) -> Result<u64, DbErr> {
    login_attempt::Entity::find()
        .filter(login_attempt::Column::Username.eq(username))
        .filter(login_attempt::Column::Succeeded.eq(false))
        .filter(login_attempt::Column::AttemptedAt.gte(since))
        .count(db)
        .await
}

/// Failures from this address for any username since `since`, with the oldest one's time.
pub async fn address_failures<C: ConnectionTrait>(
    db: &C,
    ip: &str,
    since: DateTime<FixedOffset>,
) -> Result<(u64, Option<DateTime<FixedOffset>>), DbErr> {
    let q = login_attempt::Entity::find()
        .filter(login_attempt::Column::Ip.eq(ip))
        .filter(login_attempt::Column::Succeeded.eq(false))
        .filter(login_attempt::Column::AttemptedAt.gte(since));
    let oldest = q
        .clone()
        .order_by_asc(login_attempt::Column::AttemptedAt)
        .one(db)
        .await?
        .map(|a| a.attempted_at);
    Ok((q.count(db).await?, oldest))
}

/// Deletes attempts older than `before`, keeping the table small.
pub async fn prune_attempts<C: ConnectionTrait>(
    db: &C,
    before: DateTime<FixedOffset>,
) -> Result<u64, DbErr> {
    let res = login_attempt::Entity::delete_many()
        .filter(login_attempt::Column::AttemptedAt.lt(before))
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}
