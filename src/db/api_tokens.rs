//! Personal API tokens. Only a SHA-256 of the token is stored; the token itself is shown once.

use chrono::Utc;
use entity::api_token;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use crate::ids::{ApiTokenId, UserId};

/// The user's tokens, newest first (revoked ones included, marked).
pub async fn list_for_user<C: ConnectionTrait>(
    db: &C,
    user: UserId,
) -> Result<Vec<api_token::Model>, DbErr> {
    api_token::Entity::find()
        .filter(api_token::Column::UserId.eq(user.into_uuid()))
        .order_by_desc(api_token::Column::CreatedAt)
        .all(db)
        .await
}

/// Stores a new token's hash.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    user: UserId,
    name: &str,
    prefix: &str,
    token_hash: &str,
) -> Result<api_token::Model, DbErr> {
    api_token::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.into_uuid()),
        name: Set(name.to_owned()),
        prefix: Set(prefix.to_owned()),
        token_hash: Set(token_hash.to_owned()),
        created_at: Set(Utc::now().fixed_offset()),
        last_used_at: Set(None),
        revoked_at: Set(None),
    }
    .insert(db)
    .await
}

/// The live (unrevoked) token with this hash.
pub async fn find_live_by_hash<C: ConnectionTrait>(
    db: &C,
    token_hash: &str,
) -> Result<Option<api_token::Model>, DbErr> {
    api_token::Entity::find()
        .filter(api_token::Column::TokenHash.eq(token_hash))
        .filter(api_token::Column::RevokedAt.is_null())
        .one(db)
        .await
}

/// Notes that the token was used now (at most once a minute, to spare the database).
pub async fn touch<C: ConnectionTrait>(db: &C, token: api_token::Model) -> Result<(), DbErr> {
    let now = Utc::now().fixed_offset();
    if token
        .last_used_at
        .is_some_and(|t| now - t < chrono::Duration::minutes(1))
    {
        return Ok(());
    }
    let mut active: api_token::ActiveModel = token.into();
    active.last_used_at = Set(Some(now));
    active.update(db).await?;
    Ok(())
}

/// Revokes one of the user's own tokens; false when there is no such live token.
pub async fn revoke_for_user<C: ConnectionTrait>(
    db: &C,
    id: ApiTokenId,
    user: UserId,
) -> Result<bool, DbErr> {
    let res = api_token::Entity::update_many()
        .col_expr(
            api_token::Column::RevokedAt,
            sea_orm::sea_query::Expr::value(Utc::now().fixed_offset()),
        )
        .filter(api_token::Column::Id.eq(id.into_uuid()))
        .filter(api_token::Column::UserId.eq(user.into_uuid()))
        .filter(api_token::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}
