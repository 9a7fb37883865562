//! Appeals (*sanggahan*): queries only; the windows and who may file are rules of
//! `app::results::{window, appeal}`.

use chrono::Utc;
use entity::{appeal, nomination};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use super::StoredFile;
pub use entity::AppealStatus;

pub const OPEN: AppealStatus = AppealStatus::Open;
pub const ACCEPTED: AppealStatus = AppealStatus::Accepted;
pub const REJECTED: AppealStatus = AppealStatus::Rejected;

/// Files an appeal.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    nomination: Uuid,
    snapshot_version: i32,
    body: String,
    attachment: Option<StoredFile>,
    by: Uuid,
) -> Result<appeal::Model, DbErr> {
    let (name, stored, kind, size, sha) = StoredFile::columns(attachment);
    appeal::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition),
        nomination_id: Set(nomination),
        snapshot_version: Set(snapshot_version),
        body: Set(body),
        attachment_name: Set(name),
        attachment_stored: Set(stored),
        attachment_type: Set(kind),
        attachment_size: Set(size),
        attachment_sha256: Set(sha),
        status: Set(OPEN.to_owned()),
        answer: Set(String::new()),
        answered_by: Set(None),
        answered_at: Set(None),
        created_by: Set(Some(by)),
        created_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}

/// A competition's appeals, oldest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
) -> Result<Vec<appeal::Model>, DbErr> {
    appeal::Entity::find()
        .filter(appeal::Column::CompetitionId.eq(competition))
        .order_by_asc(appeal::Column::CreatedAt)
        .order_by_asc(appeal::Column::Id)
        .all(db)
        .await
}

/// One appeal of a competition.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    id: Uuid,
) -> Result<Option<appeal::Model>, DbErr> {
    appeal::Entity::find_by_id(id)
        .filter(appeal::Column::CompetitionId.eq(competition))
        .one(db)
        .await
}

/// A village's latest appeal in a competition.
pub async fn for_nomination<C: ConnectionTrait>(
    db: &C,
    nomination: Uuid,
) -> Result<Option<appeal::Model>, DbErr> {
    Ok(all_for_nomination(db, nomination).await?.pop())
}

/// A village's appeals in a competition, oldest first.
pub async fn all_for_nomination<C: ConnectionTrait>(
    db: &C,
    nomination: Uuid,
) -> Result<Vec<appeal::Model>, DbErr> {
    appeal::Entity::find()
        .filter(appeal::Column::NominationId.eq(nomination))
        .order_by_asc(appeal::Column::CreatedAt)
        .order_by_asc(appeal::Column::SnapshotVersion)
        .all(db)
        .await
}

/// One appeal of a village.
pub async fn find_for_nomination<C: ConnectionTrait>(
    db: &C,
    nomination: Uuid,
    id: Uuid,
) -> Result<Option<appeal::Model>, DbErr> {
    appeal::Entity::find_by_id(id)
        .filter(appeal::Column::NominationId.eq(nomination))
        .one(db)
        .await
}

/// True while any appeal of the competition awaits an answer.
pub async fn any_open<C: ConnectionTrait>(db: &C, competition: Uuid) -> Result<bool, DbErr> {
    Ok(appeal::Entity::find()
        .filter(appeal::Column::CompetitionId.eq(competition))
        .filter(appeal::Column::Status.eq(OPEN))
        .count(db)
        .await?
        > 0)
}

/// Records the committee's answer.
pub async fn answer<C: ConnectionTrait>(
    db: &C,
    a: appeal::Model,
    status: AppealStatus,
    answer: String,
    by: Uuid,
) -> Result<appeal::Model, DbErr> {
    let mut m: appeal::ActiveModel = a.into();
    m.status = Set(status);
    m.answer = Set(answer);
    m.answered_by = Set(Some(by));
    m.answered_at = Set(Some(Utc::now().fixed_offset()));
    m.update(db).await
}

/// The nomination of `village` in a competition (the entry that may appeal its result).
pub async fn village_entry<C: ConnectionTrait>(
    db: &C,
    competition: Uuid,
    village: &str,
) -> Result<Option<nomination::Model>, DbErr> {
    nomination::Entity::find()
        .filter(nomination::Column::CompetitionId.eq(competition))
        .filter(nomination::Column::VillageCode.eq(village))
        .one(db)
        .await
}
