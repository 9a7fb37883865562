//! Server-side session rows. The cookie stays the only thing a browser holds; the row lets the
//! server end it (logout, "log out on all devices", password change) on every instance.

use chrono::{DateTime, FixedOffset, Utc};
use entity::{user, user_session};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    sea_query::Expr,
};
use uuid::Uuid;

/// Records a new session for `user_id` and returns its id.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    expires_at: DateTime<FixedOffset>,
) -> Result<Uuid, DbErr> {
    let id = Uuid::new_v4();
    user_session::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        created_at: Set(Utc::now().fixed_offset()),
        expires_at: Set(expires_at),
        revoked_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(id)
}

/// The session and its account in one primary-key lookup (a join), as every authenticated
/// request needs both.
pub async fn find_with_user<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<(user_session::Model, user::Model)>, DbErr> {
    let row = user_session::Entity::find_by_id(id)
        .find_also_related(user::Entity)
        .one(db)
        .await?;
    Ok(row.and_then(|(s, u)| u.map(|u| (s, u))))
}

/// Ends one session.
pub async fn revoke<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<(), DbErr> {
    user_session::Entity::update_many()
        .col_expr(
            user_session::Column::RevokedAt,
            Expr::value(Utc::now().fixed_offset()),
        )
        .filter(user_session::Column::Id.eq(id))
        .filter(user_session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every live session of the account; returns how many were ended.
pub async fn revoke_all<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<u64, DbErr> {
    let res = user_session::Entity::update_many()
        .col_expr(
            user_session::Column::RevokedAt,
            Expr::value(Utc::now().fixed_offset()),
        )
        .filter(user_session::Column::UserId.eq(user_id))
        .filter(user_session::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected)
}

/// How many sessions the account has on record (0: it has never signed in, or not for long).
pub async fn count_for_user<C: ConnectionTrait>(db: &C, user_id: Uuid) -> Result<u64, DbErr> {
    use sea_orm::PaginatorTrait;
    user_session::Entity::find()
        .filter(user_session::Column::UserId.eq(user_id))
        .count(db)
        .await
}

/// Deletes the account's sessions that expired before `before` (through the user index), so
/// the table stays as small as the number of live sessions.
pub async fn prune<C: ConnectionTrait>(
    db: &C,
    user_id: Uuid,
    before: DateTime<FixedOffset>,
) -> Result<(), DbErr> {
    user_session::Entity::delete_many()
        .filter(user_session::Column::UserId.eq(user_id))
        .filter(user_session::Column::ExpiresAt.lt(before))
        .exec(db)
        .await?;
    Ok(())
}
