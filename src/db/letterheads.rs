//! The offices' letterheads (*kop surat*), one per admin scope (`""` for a national committee).

use chrono::Utc;
use entity::letterhead;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use uuid::Uuid;

/// The scope key of an admin or a competition region (`None`: national).
#[must_use]
pub fn scope_of(region_code: Option<&str>) -> String {
    region_code.unwrap_or_default().to_owned()
}

/// The letterhead of `scope`, if configured.
pub async fn find<C: ConnectionTrait>(
    db: &C,
    scope: &str,
) -> Result<Option<letterhead::Model>, DbErr> {
    letterhead::Entity::find()
        .filter(letterhead::Column::Scope.eq(scope))
        .one(db)
        .await
}

/// The fields an office types.
pub struct Fields {
    pub government: String,
    pub office: String,
    pub address: String,
    pub contact: String,
}

/// A new logo's stored name and content type.
pub struct Logo {
    pub stored: String,
    pub content_type: String,
}

/// Creates or replaces `scope`'s letterhead (`id` is the id a new row gets); a `logo` of
/// `None` keeps the current one.
pub async fn save<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    scope: &str,
    f: Fields,
    logo: Option<Logo>,
    by: Uuid,
) -> Result<letterhead::Model, DbErr> {
    let now = Utc::now().fixed_offset();
    let existing = find(db, scope).await?;
    let is_new = existing.is_none();
    let mut row = match existing {
        Some(m) => letterhead::ActiveModel::from(m),
        None => letterhead::ActiveModel {
            id: Set(id),
            scope: Set(scope.to_owned()),
            logo_stored: Set(None),
            logo_type: Set(None),
            ..Default::default()
        },
    };
    row.government = Set(f.government);
    row.office = Set(f.office);
    row.address = Set(f.address);
    row.contact = Set(f.contact);
    if let Some(l) = logo {
        row.logo_stored = Set(Some(l.stored));
        row.logo_type = Set(Some(l.content_type));
    }
    row.updated_by = Set(Some(by));
    row.updated_at = Set(now);
    if is_new {
        row.insert(db).await
    } else {
        row.update(db).await
    }
}
