//! A judge's conflict of interest with a region (village, kecamatan, kabupaten or province):
//! the judge never sees or scores an entry from inside it.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "judge_conflict")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub judge_id: Uuid,
    pub region_code: String,
    pub reason: String,
    /// Who recorded it (the judge, or an admin on the judge's behalf).
    pub declared_by: Option<Uuid>,
    pub created_at: DateTimeWithTimeZone,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
