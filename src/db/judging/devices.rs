//! The devices that saved a sheet through the offline sync, and when each last did.

use chrono::{DateTime, FixedOffset};
use entity::sheet_device;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, Set};
use uuid::Uuid;

/// Records that `device` saved the sheet at `at` (one row per sheet and device).
pub async fn touch<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    device: &str,
    at: DateTime<FixedOffset>,
) -> Result<(), DbErr> {
    use sheet_device::Column as D;
    sheet_device::Entity::insert(sheet_device::ActiveModel {
        sheet_id: Set(sheet_id),
        device_id: Set(device.to_owned()),
        saved_at: Set(at),
    })
    .on_conflict(
        OnConflict::columns([D::SheetId, D::DeviceId])
            .update_column(D::SavedAt)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// The latest save since `since` by a device other than `device`, if any.
pub async fn other_since<C: ConnectionTrait>(
    db: &C,
    sheet_id: Uuid,
    device: &str,
    since: DateTime<FixedOffset>,
) -> Result<Option<sheet_device::Model>, DbErr> {
    use sheet_device::Column as D;
    sheet_device::Entity::find()
        .filter(D::SheetId.eq(sheet_id))
        .filter(D::DeviceId.ne(device))
        .filter(D::SavedAt.gt(since))
        .order_by_desc(D::SavedAt)
        .one(db)
        .await
}
