//! Published rules versions (`rules_version`): the latest, the whole history, the next one.

use chrono::Utc;
use entity::rules_version;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

/// The version in force (the highest number), if the rules were ever published.
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Option<rules_version::Model>, DbErr> {
    rules_version::Entity::find()
        .filter(rules_version::Column::CompetitionId.eq(competition))
        .order_by_desc(rules_version::Column::Number)
        .one(db)
        .await
}

/// The competitions that have at least one version (one query, for the start-up backfill).
pub async fn competitions_with_versions<C: ConnectionTrait>(
    db: &C,
) -> Result<std::collections::HashSet<Uuid>, DbErr> {
    use sea_orm::QuerySelect;
    Ok(rules_version::Entity::find()
        .select_only()
        .column(rules_version::Column::CompetitionId)
        .distinct()
        .into_tuple::<Uuid>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Every version, oldest first.
pub async fn history<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Vec<rules_version::Model>, DbErr> {
    rules_version::Entity::find()
        .filter(rules_version::Column::CompetitionId.eq(competition))
        .order_by_asc(rules_version::Column::Number)
        .all(db)
        .await
}

/// Versions of the given competitions published after `since`, oldest first (the notices on
/// a village's dashboard).
pub async fn published_since<C: ConnectionTrait>(
    db: &C,
    competitions: Vec<Uuid>,
    since: chrono::DateTime<chrono::FixedOffset>,
) -> Result<Vec<rules_version::Model>, DbErr> {
    rules_version::Entity::find()
        .filter(rules_version::Column::CompetitionId.is_in(competitions))
        .filter(rules_version::Column::CreatedAt.gt(since))
        .filter(rules_version::Column::Number.gt(1))
        .order_by_asc(rules_version::Column::CreatedAt)
        .all(db)
        .await
}

/// A version to store.
pub struct NewVersion {
    pub competition_id: Uuid,
    pub number: i32,
    pub book: String,
    pub hash: String,
    pub reason: String,
    pub created_by: Option<Uuid>,
}

/// Stores a version (inside the transaction of the change it records).
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    v: NewVersion,
) -> Result<rules_version::Model, DbErr> {
    rules_version::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(v.competition_id),
        number: Set(v.number),
        book: Set(v.book),
        hash: Set(v.hash),
        reason: Set(v.reason),
        created_by: Set(v.created_by),
        created_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}
