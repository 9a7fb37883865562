//! Nominations (*usulan*): a village's entry in a competition, one per village per
//! competition (unique index `uq_nomination_village`). Every finder is scoped to its actor:
//! a village reaches only its own rows, an admin only rows of competitions in their region.
//! Queries only: the rules (submission, review, advancement) live in `app::nomination`.

use chrono::Utc;
use entity::{competition, nomination};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::identity::CurrentUser;
use crate::ids::{CompetitionId, NominationId, UserId};

/// Where a nomination is in its life (the entity enum, stored as its lowercase name).
pub use entity::NominationStatus as Status;

/// Development statuses of the Indeks Desa / IDM, lowest first.
pub const DEVELOPMENT_STATUSES: [&str; 5] = [
    "sangat_tertinggal",
    "tertinggal",
    "berkembang",
    "maju",
    "mandiri",
];

/// The village profile a nomination carries (already validated by the caller).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    pub head_name: String,
    /// Led by an acting head (*Pj Kepala Desa*).
    pub head_is_acting: bool,
    pub development_status: String,
    pub population: Option<i32>,
    pub households: Option<i32>,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub achievements: String,
    pub description: String,
}

impl Profile {
    /// The profile stored on a nomination.
    #[must_use]
    pub fn of(n: &nomination::Model) -> Profile {
        Profile {
            head_name: n.head_name.clone(),
            head_is_acting: n.head_is_acting,
            development_status: n.development_status.clone(),
            population: n.population,
            households: n.households,
            contact_name: n.contact_name.clone(),
            contact_phone: n.contact_phone.clone(),
            contact_email: n.contact_email.clone(),
            achievements: n.achievements.clone(),
            description: n.description.clone(),
        }
    }
}

/// The village's own nomination, or `None` (missing and someone else's look the same).
pub async fn find_for_village<C: ConnectionTrait>(
    db: &C,
    id: NominationId,
    village_code: &str,
) -> Result<Option<nomination::Model>, DbErr> {
    nomination::Entity::find_by_id(id.into_uuid())
        .filter(nomination::Column::VillageCode.eq(village_code))
        .one(db)
        .await
}

/// The nomination and its competition if the competition lies in the admin's scope.
pub async fn find_for_admin<C: ConnectionTrait>(
    db: &C,
    id: NominationId,
    admin: &CurrentUser,
) -> Result<Option<(nomination::Model, competition::Model)>, DbErr> {
    let Some(n) = nomination::Entity::find_by_id(id.into_uuid())
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let competition =
        super::competitions::find_for_admin(db, CompetitionId::from(n.competition_id), admin)
            .await?;
    Ok(competition.map(|c| (n, c)))
}

/// A village's nominations with their competitions, newest first.
pub async fn list_for_village<C: ConnectionTrait>(
    db: &C,
    village_code: &str,
) -> Result<Vec<(nomination::Model, competition::Model)>, DbErr> {
    let rows = nomination::Entity::find()
        .filter(nomination::Column::VillageCode.eq(village_code))
        .order_by_desc(nomination::Column::CreatedAt)
        .all(db)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|n| n.competition_id).collect();
    let competitions = competition::Entity::find()
        .filter(competition::Column::Id.is_in(ids))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter_map(|n| {
            let c = competitions.iter().find(|c| c.id == n.competition_id)?;
            Some((n, c.clone()))
        })
        .collect())
}

/// Filters of the committee's nomination list.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub status: Option<Status>,
    /// A kabupaten or kecamatan code: only villages inside it.
    pub region_prefix: Option<String>,
}

/// A competition's nominations (the caller has checked the competition's scope).
pub async fn list_for_competition<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    filter: &ListFilter,
) -> Result<Vec<nomination::Model>, DbErr> {
    let mut q =
        nomination::Entity::find().filter(nomination::Column::CompetitionId.eq(competition_id));
    if let Some(status) = filter.status {
        q = q.filter(nomination::Column::Status.eq(status.as_str()));
    }
    if let Some(prefix) = &filter.region_prefix {
        q = q.filter(nomination::Column::VillageCode.starts_with(format!("{prefix}.")));
    }
    q.order_by_asc(nomination::Column::VillageCode)
        .all(db)
        .await
}

/// Creates an empty draft. A second draft for the same village and competition fails with
/// a unique violation (`crate::db::is_unique_violation`).
pub async fn insert_draft<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    village_code: &str,
    actor: UserId,
) -> Result<nomination::Model, DbErr> {
    let now = Utc::now().fixed_offset();
    nomination::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(competition_id),
        village_code: Set(village_code.to_owned()),
        status: Set(Status::Draft),
        origin: Set(entity::NominationOrigin::Own.as_str().to_owned()),
        created_by: Set(Some(actor.into_uuid())),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(0),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Saves a draft's profile if nobody saved since `version` was read. `None` means the save
/// was refused: the row changed meanwhile (another tab) or is no longer a draft.
pub async fn update_draft<C: ConnectionTrait>(
    db: &C,
    id: NominationId,
    version: i32,
    profile: &Profile,
) -> Result<Option<nomination::Model>, DbErr> {
    use nomination::Column as N;
    let p = profile.clone();
    // One conditional UPDATE: the version check and the write cannot be interleaved.
    let result = nomination::Entity::update_many()
        .col_expr(N::HeadName, Expr::value(p.head_name))
        .col_expr(N::HeadIsActing, Expr::value(p.head_is_acting))
        .col_expr(N::DevelopmentStatus, Expr::value(p.development_status))
        .col_expr(N::Population, Expr::value(p.population))
        .col_expr(N::Households, Expr::value(p.households))
        .col_expr(N::ContactName, Expr::value(p.contact_name))
        .col_expr(N::ContactPhone, Expr::value(p.contact_phone))
        .col_expr(N::ContactEmail, Expr::value(p.contact_email))
        .col_expr(N::Achievements, Expr::value(p.achievements))
        .col_expr(N::Description, Expr::value(p.description))
        .col_expr(N::UpdatedAt, Expr::value(Utc::now().fixed_offset()))
        .col_expr(N::Version, Expr::col(N::Version).add(1))
        .filter(
            Condition::all()
                .add(N::Id.eq(id.into_uuid()))
                .add(N::Version.eq(version))
                .add(N::Status.eq(Status::Draft.as_str())),
        )
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(None);
    }
    nomination::Entity::find_by_id(id.into_uuid()).one(db).await
}
