//! Field-verification photos attached to a sheet. Bytes live on disk (`crate::uploads`).

use chrono::Utc;
use entity::sheet_photo;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use crate::db::documents::StoredFile;

/// The photos of a sheet, oldest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
) -> Result<Vec<sheet_photo::Model>, DbErr> {
    sheet_photo::Entity::find()
        .filter(sheet_photo::Column::SheetId.eq(sheet_id))
        .order_by_asc(sheet_photo::Column::UploadedAt)
        .order_by_asc(sheet_photo::Column::Id)
        .all(db)
        .await
}

/// One photo of this sheet.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    id: Uuid,
) -> Result<Option<sheet_photo::Model>, DbErr> {
    sheet_photo::Entity::find_by_id(id)
        .filter(sheet_photo::Column::SheetId.eq(sheet_id))
        .one(db)
        .await
}

/// Records a stored photo.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    label: &str,
    file: StoredFile,
) -> Result<sheet_photo::Model, DbErr> {
    sheet_photo::ActiveModel {
        id: Set(Uuid::new_v4()),
        sheet_id: Set(sheet_id),
        label: Set(label.to_owned()),
        stored_name: Set(file.stored_name),
        content_type: Set(file.content_type),
        size_bytes: Set(file.size_bytes),
        sha256: Set(file.sha256),
        uploaded_at: Set(Utc::now().fixed_offset()),
    }
    .insert(db)
    .await
}
