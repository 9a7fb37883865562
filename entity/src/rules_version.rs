//! One published version of a competition's rules (`juara_domain::rules::RuleBook` as JSON).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rules_version")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub competition_id: Uuid,
    /// 1 when the competition opened, then one more per change.
    pub number: i32,
    /// JSON of the rule book.
    pub book: String,
    /// SHA-256 hex of the book's canonical text.
    pub hash: String,
    /// Why the rules changed (empty for version 1).
    pub reason: String,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
