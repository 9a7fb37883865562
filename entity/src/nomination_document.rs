//! An evidence file or link attached to a nomination.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "nomination_document")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub nomination_id: Uuid,
    pub requirement_id: Option<Uuid>,
    pub criterion_id: Option<Uuid>,
    /// `file` or `link`.
    pub kind: String,
    /// Original file name or link title.
    pub label: String,
    pub url: Option<String>,
    /// Generated name under the upload directory.
    pub stored_name: Option<String>,
    pub content_type: Option<String>,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    pub uploaded_by: Option<Uuid>,
    pub uploaded_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
