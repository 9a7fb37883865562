//! Competitions: the vocabulary (level, category, status lifecycle) and scoped finders.
//! An admin only ever reaches competitions inside their region: the scope is part of the
//! query, so a competition elsewhere is indistinguishable from a missing one.

use chrono::{DateTime, FixedOffset, Utc};
use entity::competition;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Select, Set,
};

use crate::identity::CurrentUser;
use crate::ids::CompetitionId;
use crate::registry::{Level as RegionLevel, VillageKind};

mod vocabulary;

pub use vocabulary::{Category, Level};

/// Where a competition is in its life (the entity enum, stored as its lowercase name).
pub use entity::CompetitionStatus as Status;

/// The competition if it exists at all (public pages, villages: callers add their own rules).
pub async fn find_by_id<C: ConnectionTrait>(
    db: &C,
    id: CompetitionId,
) -> Result<Option<competition::Model>, DbErr> {
    competition::Entity::find_by_id(id.into_uuid())
        .one(db)
        .await
}

/// Every competition past draft (their rules are published).
pub async fn list_past_draft<C: ConnectionTrait>(db: &C) -> Result<Vec<competition::Model>, DbErr> {
    competition::Entity::find()
        .filter(competition::Column::Status.ne(Status::Draft.as_str()))
        .all(db)
        .await
}

/// Restricts a query to competitions inside an admin's region (all for a national admin).
fn in_admin_scope(
    q: Select<competition::Entity>,
    admin: &CurrentUser,
) -> Select<competition::Entity> {
    match &admin.region_code {
        None => q,
        Some(scope) => q.filter(
            Condition::any()
                .add(competition::Column::RegionCode.eq(scope.as_str()))
                .add(competition::Column::RegionCode.starts_with(format!("{scope}."))),
        ),
    }
}

/// The competition if it lies in the admin's scope.
pub async fn find_for_admin<C: ConnectionTrait>(
    db: &C,
    id: CompetitionId,
    admin: &CurrentUser,
) -> Result<Option<competition::Model>, DbErr> {
    in_admin_scope(competition::Entity::find_by_id(id.into_uuid()), admin)
        .one(db)
        .await
}

/// Every competition in the admin's scope, newest year first.
pub async fn list_for_admin<C: ConnectionTrait>(
    db: &C,
    admin: &CurrentUser,
) -> Result<Vec<competition::Model>, DbErr> {
    in_admin_scope(competition::Entity::find(), admin)
        .order_by_desc(competition::Column::Year)
        .order_by_asc(competition::Column::Name)
        .all(db)
        .await
}

/// Open competitions whose scope contains the village and whose category admits its kind,
/// with the nomination window open at `now`.
pub async fn list_open_for_village<C: ConnectionTrait>(
    db: &C,
    village_code: &str,
    kind: VillageKind,
    now: DateTime<FixedOffset>,
) -> Result<Vec<competition::Model>, DbErr> {
    let category = match kind {
        VillageKind::Desa => Category::Desa,
        VillageKind::Kelurahan => Category::Kelurahan,
        VillageKind::Other => return Ok(Vec::new()),
    };
    let scopes = RegionLevel::ancestor_codes(village_code);
    let rows = competition::Entity::find()
        .filter(competition::Column::Status.eq(Status::Open.as_str()))
        .filter(competition::Column::Category.eq(category.as_str()))
        .filter(
            Condition::any()
                .add(competition::Column::RegionCode.is_null())
                .add(competition::Column::RegionCode.is_in(scopes)),
        )
        .order_by_asc(competition::Column::NominationClosesAt)
        .all(db)
        .await?;
    Ok(rows.into_iter().filter(|c| window_open(c, now)).collect())
}

/// True when nominations are accepted at `now`: open status and inside the window.
#[must_use]
pub fn window_open(c: &competition::Model, now: DateTime<FixedOffset>) -> bool {
    c.status == Status::Open
        && c.nomination_opens_at.is_none_or(|t| t <= now)
        && c.nomination_closes_at.is_none_or(|t| now < t)
}

/// Filters of the admin list (`None` = any).
#[derive(Clone, Copy, Debug, Default)]
pub struct CompetitionFilter {
    pub year: Option<i32>,
    pub status: Option<Status>,
}

/// Competitions in the admin's scope matching the filter, newest year first.
pub async fn list_filtered_for_admin<C: ConnectionTrait>(
    db: &C,
    admin: &CurrentUser,
    filter: CompetitionFilter,
) -> Result<Vec<competition::Model>, DbErr> {
    let mut q = in_admin_scope(competition::Entity::find(), admin);
    if let Some(year) = filter.year {
        q = q.filter(competition::Column::Year.eq(year));
    }
    if let Some(status) = filter.status {
        q = q.filter(competition::Column::Status.eq(status.as_str()));
    }
    q.order_by_desc(competition::Column::Year)
        .order_by_asc(competition::Column::Name)
        .all(db)
        .await
}

/// Everything the committee sets on the competition form, already checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompetitionFields {
    pub name: String,
    pub year: i32,
    pub level: Level,
    /// `None` only for a national competition.
    pub region_code: Option<String>,
    pub category: Category,
    pub description: String,
    pub nomination_opens_at: Option<DateTime<FixedOffset>>,
    pub nomination_closes_at: Option<DateTime<FixedOffset>>,
    pub judging_closes_at: Option<DateTime<FixedOffset>>,
    pub announcement_at: Option<DateTime<FixedOffset>>,
    /// Development statuses allowed to enter (empty = any).
    pub eligible_statuses: Vec<String>,
    pub require_definitive_head: bool,
    pub max_entries: Option<i32>,
    pub appeals_enabled: bool,
    pub appeal_days: i32,
    /// `split` or `full`.
    pub tie_policy: String,
    /// Ten-thousandths of a point.
    pub minimum_score: Option<i64>,
    pub cash_budget: Option<i64>,
    pub assistance_budget: Option<i64>,
}

impl CompetitionFields {
    /// The stored competition's fields (unknown stored names fall back to the first choice).
    #[must_use]
    pub fn of(m: &competition::Model) -> Self {
        CompetitionFields {
            name: m.name.clone(),
            year: m.year,
            level: Level::parse(&m.level).unwrap_or(Level::Kabupaten),
            region_code: m.region_code.clone(),
            category: Category::parse(&m.category).unwrap_or(Category::Desa),
            description: m.description.clone(),
            nomination_opens_at: m.nomination_opens_at,
            nomination_closes_at: m.nomination_closes_at,
            judging_closes_at: m.judging_closes_at,
            announcement_at: m.announcement_at,
            eligible_statuses: split_statuses(&m.eligible_statuses),
            require_definitive_head: m.require_definitive_head,
            max_entries: m.max_entries,
            appeals_enabled: m.appeals_enabled,
            appeal_days: m.appeal_days,
            tie_policy: m.tie_policy.clone(),
            minimum_score: m.minimum_score,
            cash_budget: m.cash_budget,
            assistance_budget: m.assistance_budget,
        }
    }

    fn apply(&self, a: &mut competition::ActiveModel) {
        a.name = Set(self.name.clone());
        a.year = Set(self.year);
        a.level = Set(self.level.as_str().to_owned());
        a.region_code = Set(self.region_code.clone());
        a.category = Set(self.category.as_str().to_owned());
        a.description = Set(self.description.clone());
        a.nomination_opens_at = Set(self.nomination_opens_at);
        a.nomination_closes_at = Set(self.nomination_closes_at);
        a.judging_closes_at = Set(self.judging_closes_at);
        a.announcement_at = Set(self.announcement_at);
        a.eligible_statuses = Set(self.eligible_statuses.join(","));
        a.require_definitive_head = Set(self.require_definitive_head);
        a.max_entries = Set(self.max_entries);
        a.appeals_enabled = Set(self.appeals_enabled);
        a.appeal_days = Set(self.appeal_days);
        a.tie_policy = Set(self.tie_policy.clone());
        a.minimum_score = Set(self.minimum_score);
        a.cash_budget = Set(self.cash_budget);
        a.assistance_budget = Set(self.assistance_budget);
    }
}

/// The stored comma-separated development statuses as a list.
#[must_use]
pub fn split_statuses(s: &str) -> Vec<String> {
    s.split(',')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Inserts a new draft competition.
pub async fn insert<C: ConnectionTrait>(
    db: &C,
    fields: &CompetitionFields,
    tie_breaks: &str,
    created_by: Option<uuid::Uuid>,
) -> Result<competition::Model, DbErr> {
    let now = Utc::now().fixed_offset();
    let mut a = competition::ActiveModel {
        id: Set(CompetitionId::new().into_uuid()),
        status: Set(Status::Draft),
        tie_breaks: Set(tie_breaks.to_owned()),
        created_by: Set(created_by),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    fields.apply(&mut a);
    a.insert(db).await
}

/// Saves new field values on a competition.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    current: competition::Model,
    fields: &CompetitionFields,
) -> Result<competition::Model, DbErr> {
    let mut a: competition::ActiveModel = current.into();
    fields.apply(&mut a);
    a.updated_at = Set(Utc::now().fixed_offset());
    a.update(db).await
}

/// Moves a competition to another status (the caller checks `can_become` and records it).
pub async fn set_status<C: ConnectionTrait>(
    db: &C,
    current: competition::Model,
    next: Status,
) -> Result<competition::Model, DbErr> {
    let mut a: competition::ActiveModel = current.into();
    a.status = Set(next);
    a.updated_at = Set(Utc::now().fixed_offset());
    a.update(db).await
}

/// Stores the tie-break chain (JSON of `juara_domain::tie_break::TieBreak`s).
pub async fn set_tie_breaks<C: ConnectionTrait>(
    db: &C,
    current: competition::Model,
    json: String,
) -> Result<competition::Model, DbErr> {
    let mut a: competition::ActiveModel = current.into();
    a.tie_breaks = Set(json);
    a.update(db).await
}

/// How many nominations (any status) a competition has.
pub async fn count_nominations<C: ConnectionTrait>(
    db: &C,
    id: CompetitionId,
) -> Result<u64, DbErr> {
    entity::nomination::Entity::find()
        .filter(entity::nomination::Column::CompetitionId.eq(id.into_uuid()))
        .count(db)
        .await
}

/// How many of the competition's nominations are in each state, in the states' own order
/// (the committee's hub shows every state, zeros included, so an empty list reads as such).
pub async fn nomination_counts<C: ConnectionTrait>(
    db: &C,
    id: CompetitionId,
) -> Result<Vec<(entity::NominationStatus, u64)>, DbErr> {
    let mut by = nomination_counts_of(db, &[id.into_uuid()]).await?;
    Ok(by.remove(&id.into_uuid()).unwrap_or_else(|| counted(&[])))
}

/// [`nomination_counts`] of several competitions in one query (the admin dashboard's list);
/// a competition without nominations has no entry.
pub async fn nomination_counts_of<C: ConnectionTrait>(
    db: &C,
    ids: &[uuid::Uuid],
) -> Result<std::collections::HashMap<uuid::Uuid, Vec<(entity::NominationStatus, u64)>>, DbErr> {
    use sea_orm::QuerySelect;
    let rows: Vec<(uuid::Uuid, entity::NominationStatus)> = entity::nomination::Entity::find()
        .select_only()
        .column(entity::nomination::Column::CompetitionId)
        .column(entity::nomination::Column::Status)
        .filter(entity::nomination::Column::CompetitionId.is_in(ids.iter().copied()))
        .into_tuple()
        .all(db)
        .await?;
    let mut states: std::collections::HashMap<uuid::Uuid, Vec<entity::NominationStatus>> =
        std::collections::HashMap::new();
    for (competition, state) in rows {
        states.entry(competition).or_default().push(state);
    }
    Ok(states.into_iter().map(|(k, v)| (k, counted(&v))).collect())
}

fn counted(states: &[entity::NominationStatus]) -> Vec<(entity::NominationStatus, u64)> {
    entity::NominationStatus::ALL
        .into_iter()
        .map(|s| {
            let n = states.iter().filter(|x| **x == s).count();
            (s, u64::try_from(n).unwrap_or(u64::MAX))
        })
        .collect()
}
