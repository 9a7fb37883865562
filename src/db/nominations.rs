//! Nominations (*usulan*): a village's entry in a competition, one per village per
//! competition (unique index `uq_nomination_village`). Every finder is scoped to its actor:
//! a village reaches only its own rows, an admin only rows of competitions in their region.
//! Submission rules live in `submit`, the committee's check in `review`, bringing winners of
//! a lower level in `advance`.

mod advance;
pub mod advance_rule;
pub mod advance_sync;
mod review;
mod submit;

pub use advance::{
    AdvanceReport, Candidate, SkipReason, advance_in, advance_into, advance_sources,
    list_advance_candidates,
};
pub use review::{Decision, ReviewRefusal, review};
pub use submit::{Problem, submission_problems, submit, withdraw};

use chrono::{DateTime, FixedOffset, Utc};
use entity::{competition, nomination};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QueryOrder, Set,
};
use uuid::Uuid;

use crate::identity::CurrentUser;
use crate::ids::{CompetitionId, NominationId, UserId};
use crate::registry::{Level as RegionLevel, VillageKind};

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
        origin: Set("self".to_owned()),
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

/// True when the competition's category admits the village's kind and its region scope
/// contains the village (what the village list and creating a draft both require).
#[must_use]
pub fn eligibility_of(c: &competition::Model, village: &str, kind: VillageKind) -> bool {
    super::competitions::Category::parse(&c.category).is_some_and(|cat| cat.admits(kind))
        && c.region_code
            .as_deref()
            .is_none_or(|scope| RegionLevel::contains(scope, village))
}

/// Why a village may not start a nomination in a competition now.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryRefusal {
    /// A draft competition: invisible to villages (answered as missing).
    Invisible,
    /// Wrong category or outside the region scope.
    NotEligible,
    /// Not open, or outside the nomination window.
    Closed,
}

/// The reason `village` may not start a draft in `c` at `now`, if any.
#[must_use]
pub fn entry_refusal(
    c: &competition::Model,
    village: &str,
    now: DateTime<FixedOffset>,
) -> Option<EntryRefusal> {
    if c.status == super::competitions::Status::Draft {
        Some(EntryRefusal::Invisible)
    } else if !eligibility_of(c, village, VillageKind::of_code(village)) {
        Some(EntryRefusal::NotEligible)
    } else if !super::competitions::window_open(c, now) {
        Some(EntryRefusal::Closed)
    } else {
        None
    }
}

/// A nomination's profile and evidence may change only while it is a draft and the window
/// is open.
#[must_use]
pub fn editable(n: &nomination::Model, c: &competition::Model, now: DateTime<FixedOffset>) -> bool {
    n.status == Status::Draft && super::competitions::window_open(c, now)
}

/// The village-code prefix for the committee list's `kabupaten` and `kecamatan` filters
/// (blank = any): each must be a code of its level and the kecamatan inside the kabupaten.
pub fn region_filter(
    kabupaten: Option<&str>,
    kecamatan: Option<&str>,
) -> Result<Option<String>, crate::forms::FieldErrors> {
    let kabupaten = kabupaten.map(str::trim).filter(|s| !s.is_empty());
    let kecamatan = kecamatan.map(str::trim).filter(|s| !s.is_empty());
    let mut errors = Vec::new();
    if kabupaten.is_some_and(|k| RegionLevel::of_code(k) != Some(RegionLevel::Regency)) {
        errors.push(("kabupaten", "err-region-level"));
    }
    if kecamatan.is_some_and(|k| RegionLevel::of_code(k) != Some(RegionLevel::District)) {
        errors.push(("kecamatan", "err-region-level"));
    }
    if let (Some(kab), Some(kec)) = (kabupaten, kecamatan)
        && !RegionLevel::contains(kab, kec)
    {
        errors.push(("kecamatan", "err-outside-scope"));
    }
    if errors.is_empty() {
        Ok(kecamatan.or(kabupaten).map(str::to_owned))
    } else {
        Err(errors)
    }
}
