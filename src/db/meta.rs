//! Installation facts in `app_meta` (e.g. the loaded registry version).

use chrono::Utc;
use entity::app_meta;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

/// The value stored under `key`, if any.
pub async fn get<C: ConnectionTrait>(db: &C, key: &str) -> Result<Option<String>, DbErr> {
    Ok(app_meta::Entity::find_by_id(key.to_owned())
        .one(db)
        .await?
        .map(|m| m.value))
}

/// Stores `value` under `key`, replacing any previous value.
pub async fn set<C: ConnectionTrait>(db: &C, key: &str, value: &str) -> Result<(), DbErr> {
    let row = app_meta::ActiveModel {
        key: Set(key.to_owned()),
        value: Set(value.to_owned()),
        updated_at: Set(Utc::now().fixed_offset()),
    };
    app_meta::Entity::insert(row)
        .on_conflict(
            OnConflict::column(app_meta::Column::Key)
                .update_columns([app_meta::Column::Value, app_meta::Column::UpdatedAt])
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}
