//! `juara demo`: loads a realistic, fully scored sample into an empty database so every screen
//! has something to show: a provincial desa competition (from the built-in template) whose
//! entrants are kabupaten winners, four judges (one with a declared conflict), every sheet of
//! every stage scored, the shortlist honoured, the plenary minutes recorded and the results
//! announced with prizes; and a kabupaten competition still in judging, its first stage
//! assigned to three judges, so the judges' pages have work to show; and a kabupaten
//! competition taking nominations, so the village operator can nominate. Scores are deterministic
//! (a hash of entrant, judge and criterion), so two runs produce the same ranking.

use chrono::{Duration, Utc};
use entity::{competition, criterion, score, score_sheet};
use juara_domain::engine;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::app::competition::templates as competition_templates;
use crate::app::results::announce;
use crate::auth::Role;
use crate::db::competition_setup;
use crate::db::competitions::{self, Category, CompetitionFields, Level, Status};
use crate::db::results::{inputs, minutes};
use crate::scoring;

/// Entrants in the demo competition.
const ENTRANTS: usize = 12;
const JUDGES: usize = 4;

/// What the demo created, for the command to print.
#[derive(Debug)]
pub struct DemoReport {
    /// The announced provincial competition.
    pub competition_id: Uuid,
    /// The kabupaten competition still being judged.
    pub judging_competition_id: Uuid,
    /// The kabupaten competition taking nominations (the demo village's own kabupaten).
    pub open_competition_id: Uuid,
    pub competition_name: String,
    /// (username, password, role).
    pub accounts: Vec<(String, String, Role)>,
    pub content_hash: String,
}

mod judging;
pub mod load_judges;
mod open;
mod payments;
pub mod probe_results;
mod sample;

use sample::{accepted_nomination, account, err, pick_villages, value_for};

/// Loads the demo. Refuses a database that already holds competitions.
pub async fn load(db: &DatabaseConnection) -> Result<DemoReport, DbErr> {
    if competition::Entity::find().count(db).await? > 0 {
        return Err(err(
            "the database already holds competitions; the demo needs an empty one",
        ));
    }
    let template = competition_templates::find("desa").ok_or_else(|| err("no desa template"))?;
    let (province, villages) = pick_villages(db).await?;
    let mut accounts = Vec::new();
    let (admin, secret) = account(
        db,
        "demo-panitia",
        "Panitia Lomba (demo)",
        Role::Admin,
        Some(&province),
        None,
    )
    .await?;
    accounts.push(("demo-panitia".to_owned(), secret, Role::Admin));
    // A judge's home region is in conflict with every entry inside it, so judges 1-3 carry
    // none (provincial officials judging the whole province) and judge 4 lives in the first
    // entrant's kabupaten.
    let first_regency = villages
        .first()
        .map(|v| v.code.split('.').take(2).collect::<Vec<_>>().join("."))
        .ok_or_else(|| err("no villages"))?;
    let mut judges = Vec::new();
    for j in 1..=JUDGES {
        let name = format!("demo-juri-{j}");
        let home = (j == JUDGES).then_some(first_regency.as_str());
        let (id, secret) = account(
            db,
            &name,
            &format!("Juri {j} (demo)"),
            Role::Judge,
            home,
            None,
        )
        .await?;
        judges.push(id);
        accounts.push((name, secret, Role::Judge));
    }
    let first = villages.first().ok_or_else(|| err("no villages"))?;
    let (_, secret) = account(
        db,
        "demo-desa",
        &format!("Operator {}", first.name),
        Role::Village,
        None,
        Some(&first.code),
    )
    .await?;
    accounts.push(("demo-desa".to_owned(), secret, Role::Village));

    letterhead(db, &province, admin).await?;
    let now = Utc::now().fixed_offset();
    let fields = CompetitionFields {
        name: format!("Lomba Desa Tingkat Provinsi {} (demo)", now.format("%Y")),
        year: i32::try_from(now.format("%Y").to_string().parse::<i64>().unwrap_or(2026))
            .unwrap_or(2026),
        level: Level::Provinsi,
        region_code: Some(province.clone()),
        category: Category::Desa,
        description:
            "Contoh lengkap: juara kabupaten sebagai peserta, tiga tahap, panel empat juri.".into(),
        nomination_opens_at: Some(now - Duration::days(60)),
        nomination_closes_at: Some(now - Duration::days(30)),
        judging_closes_at: Some(now - Duration::days(3)),
        announcement_at: Some(now),
        eligible_statuses: Vec::new(),
        require_definitive_head: false,
        max_entries: None,
        appeals_enabled: true,
        appeal_days: 14,
        tie_policy: "split".into(),
        minimum_score: None,
        cash_budget: Some(template.cash_budget),
        assistance_budget: template.assistance_budget,
    };
    let c = sample::from_template(db, &template, &fields, admin).await?;

    let mut noms = Vec::new();
    for v in &villages {
        noms.push(
            accepted_nomination(db, c.id, v, "advanced", admin, now)
                .await?
                .id,
        );
    }
    // Judge 4 is from the first entrant's kabupaten: a declared conflict, no sheets there.
    let conflict_region: String = first.code.split('.').take(2).collect::<Vec<_>>().join(".");
    entity::judge_conflict::ActiveModel {
        id: Set(Uuid::new_v4()),
        judge_id: Set(judges[JUDGES - 1]),
        region_code: Set(conflict_region.clone()),
        reason: Set("Berasal dari kabupaten yang sama".into()),
        declared_by: Set(Some(admin)),
        created_at: Set(now),
    }
    .insert(db)
    .await?;

    let stages = competition_setup::list_stages(db, c.id).await?;
    let setup = scoring::load_spec(db, &c)
        .await?
        .map_err(|p| err(format!("{p:?}")))?;
    let mut entering: Vec<usize> = (0..noms.len()).collect();
    for (s, st) in stages.iter().enumerate() {
        for &j in &judges {
            entity::panel_member::ActiveModel {
                id: Set(Uuid::new_v4()),
                stage_id: Set(st.id),
                judge_id: Set(j),
                created_at: Set(now),
                trainee: Set(false),
            }
            .insert(db)
            .await?;
        }
        let leaves: Vec<criterion::Model> = criterion::Entity::find()
            .filter(criterion::Column::StageId.eq(st.id))
            .filter(criterion::Column::ScaleMax.is_not_null())
            .order_by_asc(criterion::Column::Code)
            .all(db)
            .await?;
        for &e in &entering {
            let n = noms.get(e).copied().ok_or_else(|| err("entrant"))?;
            let quality = 900 - i64::try_from(e).unwrap_or(0) * 35;
            for (k, &j) in judges.iter().enumerate() {
                if k == JUDGES - 1 && e == 0 {
                    continue;
                }
                let sheet = score_sheet::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    stage_id: Set(st.id),
                    nomination_id: Set(n),
                    judge_id: Set(j),
                    status: Set(entity::SheetStatus::Submitted),
                    version: Set(1),
                    visit_date: Set(None),
                    visit_notes: Set(String::new()),
                    reopen_reason: Set(String::new()),
                    submitted_at: Set(Some(now - Duration::days(5))),
                    assigned_by: Set(Some(admin)),
                    assigned_at: Set(now - Duration::days(20)),
                    updated_at: Set(now - Duration::days(5)),
                    excluded_at: Set(None),
                    excluded_reason: Set(String::new()),
                    excluded_conflict: Set(None),
                }
                .insert(db)
                .await?;
                let rows: Vec<score::ActiveModel> = leaves
                    .iter()
                    .enumerate()
                    .map(|(l, leaf)| score::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        sheet_id: Set(sheet.id),
                        criterion_id: Set(leaf.id),
                        value: Set(Some(value_for(leaf, quality, k, e, l + s * 1000))),
                        not_applicable: Set(false),
                        comment: Set(String::new()),
                    })
                    .collect();
                if !rows.is_empty() {
                    score::Entity::insert_many(rows).exec(db).await?;
                }
            }
        }
        // Who goes on: the engine's own shortlist for this stage.
        let loaded = inputs::load(db, c.id, &setup.data).await?;
        let report = engine::preview_stage(
            &setup.spec,
            &st.code,
            &loaded.entries,
            &loaded.sheets,
            &loaded.scopes,
        )
        .map_err(|e| err(e.to_string()))?;
        entering = report
            .advanced
            .iter()
            .filter_map(|a| noms.iter().position(|n| inputs::entry_id(*n) == *a))
            .collect();
    }

    let c = competitions::set_status(db, c, Status::Review).await?;
    minutes::insert(
        db,
        c.id,
        minutes::NewMinutes {
            held_on: (now - Duration::days(1)).date_naive(),
            held_time: Some("09:00".into()),
            place: "Aula Dinas PMD Provinsi".into(),
            members: "Dr. Hadi Santoso, M.Si. (Ketua Tim Penilai)\n\
                      Sri Wahyuni, S.E. (Sekretaris)\n\
                      Anggota dari Bappeda, Dinkes, Disdik"
                .into(),
            decision: "Menetapkan peringkat dan penerima hadiah Lomba Desa tingkat provinsi."
                .into(),
        },
        admin,
    )
    .await?;
    let snap = announce::announce(db, c.clone(), admin, true, &Default::default())
        .await
        .map_err(|e| err(format!("{e:?}")))?;
    payments::record(db, &c, &snap, admin).await?;
    let second_regency = villages
        .get(1)
        .map(|v| v.code.split('.').take(2).collect::<Vec<_>>().join("."))
        .ok_or_else(|| err("no second entrant"))?;
    let judging_id = judging::load(
        db,
        &template,
        admin,
        judges.get(..JUDGES - 1).unwrap_or_default(),
        &second_regency,
        now,
    )
    .await?;
    let open_id = open::load(db, &template, admin, &first_regency, now).await?;
    // The demo opens its competitions directly: their rules are published as version 1 here.
    crate::app::competition::published::backfill(db).await?;
    Ok(DemoReport {
        competition_id: c.id,
        judging_competition_id: judging_id,
        open_competition_id: open_id,
        competition_name: c.name,
        accounts,
        content_hash: snap.content_hash,
    })
}

/// The demo office's letterhead (no logo: an office uploads its own on `/admin/letterhead`).
async fn letterhead(db: &DatabaseConnection, province: &str, admin: Uuid) -> Result<(), DbErr> {
    let name = crate::db::regions::find(db, province)
        .await?
        .map_or_else(|| province.to_owned(), |r| r.name);
    let fields = crate::db::letterheads::Fields {
        government: format!("Pemerintah Provinsi {name}"),
        office: "Dinas Pemberdayaan Masyarakat dan Desa".into(),
        address: "Jalan Pahlawan Nomor 1 (alamat contoh)".into(),
        contact: "Telepon (000) 123456 · dpmd@contoh.go.id".into(),
    };
    crate::db::letterheads::save(db, Uuid::new_v4(), province, fields, None, admin).await?;
    Ok(())
}
