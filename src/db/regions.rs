//! Reading the region registry: find by code, children, ancestors and a name/code search that
//! behaves the same on SQLite and PostgreSQL (lower-cased LIKE with escaped wildcards).

use entity::{district, province, regency, village};
use sea_orm::sea_query::{Expr, ExprTrait, Func, LikeExpr, SimpleExpr};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Select,
};
use serde::Serialize;

use crate::registry::{Level, VillageKind};

/// A region at any level, as pages and the API show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct Region {
    pub code: String,
    pub name: String,
    pub level: Level,
    pub parent_code: Option<String>,
    /// Desa, kelurahan or other; villages only.
    pub kind: Option<VillageKind>,
}

/// How many regions of each level and kind the registry holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RegistryCounts {
    pub provinces: u64,
    pub regencies: u64,
    pub districts: u64,
    pub villages: u64,
    pub desa: u64,
    pub kelurahan: u64,
}

/// A search over the registry.
#[derive(Clone, Debug, Default)]
pub struct RegionQuery {
    /// Matches a name (case-insensitive, anywhere) or a code prefix.
    pub text: Option<String>,
    /// Only this level; all levels when absent.
    pub level: Option<Level>,
    /// Only regions inside this region (code prefix).
    pub within: Option<String>,
}

type Row = (String, String, Option<String>, Option<String>);
/// A level's code, name, parent and kind columns (the last two absent at some levels).
type LevelColumns<C> = (C, C, Option<C>, Option<C>);

fn to_region(level: Level, (code, name, parent, kind): Row) -> Region {
    Region {
        code,
        name,
        level,
        parent_code: parent,
        kind: kind.as_deref().and_then(VillageKind::parse),
    }
}

/// Escapes LIKE wildcards in user text.
fn like_pattern(text: &str, prefix_only: bool) -> String {
    let escaped = text
        .to_lowercase()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    if prefix_only {
        format!("{escaped}%")
    } else {
        format!("%{escaped}%")
    }
}

fn text_condition(code: SimpleExpr, name: SimpleExpr, text: &str) -> Condition {
    let lowered_name = SimpleExpr::FunctionCall(Func::lower(name));
    Condition::any()
        .add(lowered_name.like(LikeExpr::new(like_pattern(text, false)).escape('\\')))
        .add(code.like(LikeExpr::new(like_pattern(text, true)).escape('\\')))
}

/// Applies the query's filters to one level's select and projects it to `Row` columns.
fn level_select<E: EntityTrait>(
    select: Select<E>,
    cols: LevelColumns<E::Column>,
    query: &RegionQuery,
) -> Select<E> {
    let (code, name, parent, kind) = cols;
    let mut s = select.select_only().column(code).column(name);
    s = match parent {
        Some(p) => s.column(p),
        None => s.column_as(Expr::value(Option::<String>::None), "parent"),
    };
    s = match kind {
        Some(k) => s.column(k),
        None => s.column_as(Expr::value(Option::<String>::None), "kind"),
    };
    if let Some(text) = query.text.as_deref().filter(|t| !t.trim().is_empty()) {
        s = s.filter(text_condition(
            Expr::col(code),
            Expr::col(name),
            text.trim(),
        ));
    }
    if let Some(within) = &query.within {
        s = s.filter(code.starts_with(format!("{within}.")));
    }
    s.order_by_asc(code)
}

macro_rules! level_query {
    ($module:ident, $parent:expr, $kind:expr, $query:expr) => {
        level_select(
            $module::Entity::find(),
            ($module::Column::Code, $module::Column::Name, $parent, $kind),
            $query,
        )
    };
}

async fn count_level<C: ConnectionTrait>(
    db: &C,
    level: Level,
    q: &RegionQuery,
) -> Result<u64, DbErr> {
    match level {
        Level::Province => level_query!(province, None, None, q).count(db).await,
        Level::Regency => {
            level_query!(regency, Some(regency::Column::ProvinceCode), None, q)
                .count(db)
                .await
        }
        Level::District => {
            level_query!(district, Some(district::Column::RegencyCode), None, q)
                .count(db)
                .await
        }
        Level::Village => {
            let kind = Some(village::Column::Kind);
            level_query!(village, Some(village::Column::DistrictCode), kind, q)
                .count(db)
                .await
        }
    }
}

async fn fetch_level<C: ConnectionTrait>(
    db: &C,
    level: Level,
    q: &RegionQuery,
    offset: u64,
    limit: u64,
) -> Result<Vec<Region>, DbErr> {
    let rows: Vec<Row> = match level {
        Level::Province => {
            level_query!(province, None, None, q)
                .offset(offset)
                .limit(limit)
                .into_tuple()
                .all(db)
                .await?
        }
        Level::Regency => {
            level_query!(regency, Some(regency::Column::ProvinceCode), None, q)
                .offset(offset)
                .limit(limit)
                .into_tuple()
                .all(db)
                .await?
        }
        Level::District => {
            level_query!(district, Some(district::Column::RegencyCode), None, q)
                .offset(offset)
                .limit(limit)
                .into_tuple()
                .all(db)
                .await?
        }
        Level::Village => {
            let kind = Some(village::Column::Kind);
            level_query!(village, Some(village::Column::DistrictCode), kind, q)
                .offset(offset)
                .limit(limit)
                .into_tuple()
                .all(db)
                .await?
        }
    };
    Ok(rows.into_iter().map(|r| to_region(level, r)).collect())
}

/// One page of matching regions, ordered by level then code, and the total number of matches.
pub async fn search<C: ConnectionTrait>(
    db: &C,
    query: &RegionQuery,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Region>, u64), DbErr> {
    let levels: Vec<Level> = match query.level {
        Some(l) => vec![l],
        None => Level::ALL.to_vec(),
    };
    let mut skip = page.saturating_mul(per_page);
    let mut remaining = per_page;
    let mut total = 0;
    let mut out = Vec::new();
    for level in levels {
        let n = count_level(db, level, query).await?;
        total += n;
        if remaining == 0 {
            continue;
        }
        if skip >= n {
            skip -= n;
            continue;
        }
        let rows = fetch_level(db, level, query, skip, remaining).await?;
        remaining = remaining.saturating_sub(u64::try_from(rows.len()).unwrap_or(u64::MAX));
        skip = 0;
        out.extend(rows);
    }
    Ok((out, total))
}

/// The region with this code, at whichever level the code names.
pub async fn find<C: ConnectionTrait>(db: &C, code: &str) -> Result<Option<Region>, DbErr> {
    let Some(level) = Level::of_code(code) else {
        return Ok(None);
    };
    let q = RegionQuery::default();
    let rows = match level {
        Level::Province => {
            level_query!(province, None, None, &q)
                .filter(province::Column::Code.eq(code))
                .into_tuple::<Row>()
                .one(db)
                .await?
        }
        Level::Regency => {
            level_query!(regency, Some(regency::Column::ProvinceCode), None, &q)
                .filter(regency::Column::Code.eq(code))
                .into_tuple::<Row>()
                .one(db)
                .await?
        }
        Level::District => {
            level_query!(district, Some(district::Column::RegencyCode), None, &q)
                .filter(district::Column::Code.eq(code))
                .into_tuple::<Row>()
                .one(db)
                .await?
        }
        Level::Village => {
            let kind = Some(village::Column::Kind);
            level_query!(village, Some(village::Column::DistrictCode), kind, &q)
                .filter(village::Column::Code.eq(code))
                .into_tuple::<Row>()
                .one(db)
                .await?
        }
    };
    Ok(rows.map(|r| to_region(level, r)))
}

/// The regions directly inside `code` (provinces when `None`), ordered by code.
pub async fn children<C: ConnectionTrait>(
    db: &C,
    code: Option<&str>,
) -> Result<Vec<Region>, DbErr> {
    let (level, within) = match code {
        None => (Level::Province, None),
        Some(c) => match Level::of_code(c).and_then(Level::child) {
            Some(l) => (l, Some(c.to_owned())),
            None => return Ok(Vec::new()),
        },
    };
    let q = RegionQuery {
        within,
        ..RegionQuery::default()
    };
    fetch_level(db, level, &q, 0, 100_000).await
}

/// Every region of one level, ordered by code (what the search index is built from).
pub async fn children_of_level<C: ConnectionTrait>(
    db: &C,
    level: Level,
) -> Result<Vec<Region>, DbErr> {
    // No limit: the largest LIMIT both databases accept.
    fetch_level(db, level, &RegionQuery::default(), 0, u64::MAX >> 1).await
}

/// The chain from the province down to (and excluding) `code`, for breadcrumbs.
pub async fn ancestors<C: ConnectionTrait>(db: &C, code: &str) -> Result<Vec<Region>, DbErr> {
    let mut out = Vec::new();
    for prefix in Level::ancestor_codes(code) {
        if let Some(r) = find(db, &prefix).await? {
            out.push(r);
        }
    }
    Ok(out)
}

/// Row counts per level, and villages per kind.
pub async fn counts<C: ConnectionTrait>(db: &C) -> Result<RegistryCounts, DbErr> {
    Ok(RegistryCounts {
        provinces: province::Entity::find().count(db).await?,
        regencies: regency::Entity::find().count(db).await?,
        districts: district::Entity::find().count(db).await?,
        villages: village::Entity::find().count(db).await?,
        desa: village::Entity::find()
            .filter(village::Column::Kind.eq(VillageKind::Desa.as_str()))
            .count(db)
            .await?,
        kelurahan: village::Entity::find()
            .filter(village::Column::Kind.eq(VillageKind::Kelurahan.as_str()))
            .count(db)
            .await?,
    })
}
