//! The demo's second competition: a kabupaten *Lomba Desa* in the middle of judging. Its first
//! stage has a three-judge panel assigned by the same seeded draw the committee page uses, and
//! one judge has started a sheet, so dashboards, progress bars and sheets show real work; the
//! presentation order is drawn and scheduled.

use chrono::{DateTime, Duration, FixedOffset};
use entity::{competition, criterion, score, score_sheet, stage, village};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use uuid::Uuid;

use super::{accepted_nomination, err, value_for};
use crate::app::competition::templates::CompetitionTemplate;
use crate::db::competition_setup;
use crate::db::competitions::{self, Category, CompetitionFields, Level, Status};
use crate::db::judging::{draw, panels};

/// Entrants: desa of the kabupaten, spread over its kecamatan.
const ENTRANTS: usize = 6;
/// Seed of the recorded assignment draw.
const SEED: u64 = 2026;

/// Loads the competition and returns its id.
pub(super) async fn load(
    db: &DatabaseConnection,
    template: &CompetitionTemplate,
    admin: Uuid,
    judges: &[Uuid],
    regency: &str,
    now: DateTime<FixedOffset>,
) -> Result<Uuid, DbErr> {
    let villages = one_desa_per_district(db, regency).await?;
    let fields = CompetitionFields {
        name: format!("Lomba Desa Tingkat Kabupaten {} (demo)", now.format("%Y")),
        year: now.format("%Y").to_string().parse::<i32>().unwrap_or(2026),
        level: Level::Kabupaten,
        region_code: Some(regency.to_owned()),
        category: Category::Desa,
        description: "Contoh penilaian berjalan: panel tiga juri, lembar penilaian dibagikan."
            .into(),
        nomination_opens_at: Some(now - Duration::days(40)),
        nomination_closes_at: Some(now - Duration::days(10)),
        judging_closes_at: Some(now + Duration::days(14)),
        announcement_at: Some(now + Duration::days(30)),
        eligible_statuses: Vec::new(),
        require_definitive_head: false,
        max_entries: None,
        appeals_enabled: false,
        appeal_days: 0,
        tie_policy: "split".into(),
        minimum_score: None,
        cash_budget: Some(template.cash_budget),
        assistance_budget: template.assistance_budget,
    };
    let c = super::sample::from_template(db, template, &fields, admin).await?;
    for v in &villages {
        accepted_nomination(db, c.id, v, "self", admin, now).await?;
    }
    let c = competitions::set_status(db, c, Status::Judging).await?;

    let first = stage::Entity::find()
        .filter(stage::Column::CompetitionId.eq(c.id))
        .order_by_asc(stage::Column::Position)
        .one(db)
        .await?
        .ok_or_else(|| err("the template has no stage"))?;
    // A kabupaten panel is smaller than the provincial template's.
    let panel_size = i32::try_from(judges.len()).unwrap_or(i32::MAX);
    let mut a: stage::ActiveModel = first.into();
    a.judges_per_entry = Set(panel_size);
    a.quorum = Set(panel_size.min(2));
    let first = a.update(db).await?;
    for &j in judges {
        panels::upsert(db, first.id, j, (&[], false)).await?;
    }
    match crate::app::judging::assign::auto_assign(db, &first, SEED, admin).await? {
        Ok(_) => {}
        Err(refusal) => return Err(err(format!("demo assignment refused: {refusal:?}"))),
    }
    start_one_sheet(db, &first, judges.first().copied(), now).await?;
    draw_presentations(db, &c, admin, now).await?;
    Ok(c.id)
}

/// The *pemaparan* stage's order is drawn and scheduled a week ahead from 08:00 in the
/// competition's zone, so the public schedule and the villages' pages show one.
async fn draw_presentations(
    db: &DatabaseConnection,
    c: &competition::Model,
    admin: Uuid,
    now: DateTime<FixedOffset>,
) -> Result<(), DbErr> {
    let stages = competition_setup::list_stages(db, c.id).await?;
    let Some(s) = stages
        .iter()
        .find(|s| s.kind == "presentation")
        .or(stages.last())
    else {
        return Ok(());
    };
    let day = (now + Duration::days(7))
        .format("%Y-%m-%dT08:00")
        .to_string();
    let start = crate::competition_forms::parse_time(&day, crate::app::competition::zone::of(c))
        .ok_or_else(|| err("demo schedule time"))?;
    let id = s.id;
    draw::draw(db, s.clone(), SEED.cast_signed(), admin, now).await?;
    draw::schedule(db, id, start, 30).await
}

/// Up to `ENTRANTS` desa of `regency`, one per kecamatan before any kecamatan gets a second.
async fn one_desa_per_district(
    db: &DatabaseConnection,
    regency: &str,
) -> Result<Vec<village::Model>, DbErr> {
    let all = village::Entity::find()
        .filter(village::Column::Code.starts_with(format!("{regency}.")))
        .filter(village::Column::Kind.eq("desa"))
        .order_by_asc(village::Column::Code)
        .all(db)
        .await?;
    // Each village's place within its kecamatan (0 for the first), then round robin.
    let mut ranked: Vec<(usize, village::Model)> = Vec::new();
    let mut previous = String::new();
    let mut place = 0;
    for v in all {
        let district = v.code[..v.code.rfind('.').unwrap_or(v.code.len())].to_owned();
        place = if district == previous { place + 1 } else { 0 };
        previous = district;
        ranked.push((place, v));
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.code.cmp(&b.1.code)));
    let picked: Vec<village::Model> = ranked.into_iter().take(ENTRANTS).map(|(_, v)| v).collect();
    if picked.len() < 3 {
        return Err(err("not enough desa in the kabupaten for the judging demo"));
    }
    Ok(picked)
}

/// Judge 1 has saved half of one sheet as a draft.
async fn start_one_sheet(
    db: &DatabaseConnection,
    s: &stage::Model,
    judge: Option<Uuid>,
    now: DateTime<FixedOffset>,
) -> Result<(), DbErr> {
    let Some(judge) = judge else {
        return Ok(());
    };
    let Some(sheet) = score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(s.id))
        .filter(score_sheet::Column::JudgeId.eq(judge))
        .order_by_asc(score_sheet::Column::NominationId)
        .one(db)
        .await?
    else {
        return Ok(());
    };
    let leaves = criterion::Entity::find()
        .filter(criterion::Column::StageId.eq(s.id))
        .filter(criterion::Column::ScaleMax.is_not_null())
        .order_by_asc(criterion::Column::Code)
        .all(db)
        .await?;
    let half = leaves.len() / 2;
    let rows: Vec<score::ActiveModel> = leaves
        .iter()
        .take(half)
        .enumerate()
        .map(|(l, leaf)| score::ActiveModel {
            id: Set(Uuid::new_v4()),
            sheet_id: Set(sheet.id),
            criterion_id: Set(leaf.id),
            value: Set(Some(value_for(leaf, 780, 0, 0, l))),
            not_applicable: Set(false),
            comment: Set(String::new()),
        })
        .collect();
    if !rows.is_empty() {
        score::Entity::insert_many(rows).exec(db).await?;
    }
    let mut a: score_sheet::ActiveModel = sheet.into();
    a.status = Set(entity::SheetStatus::Draft);
    a.version = Set(1);
    a.updated_at = Set(now);
    a.update(db).await?;
    Ok(())
}
