//! Judging end to end: assignment, conflicts, the blind scoring sheet (pages and API),
//! versioned saves, submit/reopen, deadlines, closing a stage and concurrent judges.
//! `Fixture` builds a competition in `judging` with one field-verification stage:
//! aspect A (60 %: A.1 1–5 step 1, A.2 optional 1–5 step 1) and B (40 %: B.1 0–100 step 5).

mod access;
mod api;
mod assignment;
mod committee_forms;
mod concurrency;
mod conflicts;
mod dashboard;
mod grid;
mod levels;
mod panel_aspects;
mod presentation;
mod sheets;
mod sync;
mod trainees;

use chrono::{Duration, Utc};
use entity::{competition, criterion, nomination, score_sheet, stage};
use juara::auth::Role;
use rocket::http::ContentType;
use rocket::local::asynchronous::{Client, LocalResponse};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::common::builders::CompetitionBuilder;
use crate::common::{PASSWORD, TestApp, TestUser, csrf_of, encode_form};

pub struct Fixture {
    pub app: TestApp,
    pub competition: competition::Model,
    pub stage: stage::Model,
    pub aspect_b: criterion::Model,
    /// A.1, A.2 (optional), B.1.
    pub leaves: Vec<criterion::Model>,
    pub entries: Vec<nomination::Model>,
}

/// Villages of the entries: four in Kaliwungu (33.19.01), two in Kota Kudus (33.19.02).
pub const VILLAGES: [&str; 6] = [
    "33.19.01.2001",
    "33.19.01.2002",
    "33.19.01.2003",
    "33.19.01.2004",
    "33.19.02.2002",
    "33.19.02.2003",
];

async fn node(
    app: &TestApp,
    stage: Uuid,
    parent: Option<Uuid>,
    code: &str,
    weight: i32,
    scale: Option<(i64, i64, i64)>,
    optional: bool,
) -> criterion::Model {
    criterion::ActiveModel {
        id: Set(Uuid::new_v4()),
        stage_id: Set(stage),
        parent_id: Set(parent),
        code: Set(code.into()),
        name: Set(format!("Kriteria {code}")),
        guidance: Set(format!("Panduan {code}")),
        weight: Set(weight),
        position: Set(0),
        scale_min: Set(scale.map(|s| s.0 * 10_000)),
        scale_max: Set(scale.map(|s| s.1 * 10_000)),
        scale_step: Set(scale.map(|s| s.2 * 10_000)),
        optional: Set(optional),
        requires_evidence: Set(false),
        levels: Set("[]".into()),
    }
    .insert(&app.db)
    .await
    .expect("insert criterion")
}

impl Fixture {
    pub async fn new() -> Fixture {
        Self::with_entries(VILLAGES.len()).await
    }

    pub async fn with_entries(n: usize) -> Fixture {
        let app = TestApp::new().await;
        let c = CompetitionBuilder::new("Lomba Desa Kudus 2026")
            .status("judging")
            .closed()
            .insert(&app.db)
            .await;
        let mut a: competition::ActiveModel = c.into();
        a.judging_closes_at = Set(Some(Utc::now().fixed_offset() + Duration::days(7)));
        let c = a.update(&app.db).await.unwrap();
        let s = stage::ActiveModel {
            id: Set(Uuid::new_v4()),
            competition_id: Set(c.id),
            position: Set(0),
            code: Set("VL".into()),
            name: Set("Verifikasi lapangan".into()),
            kind: Set("field".into()),
            weight: Set(100),
            aggregation: Set("mean".into()),
            trim_k: Set(0),
            quorum: Set(1),
            shortlist: Set(None),
            pass_threshold: Set(None),
            normalize: Set(false),
            min_entries_per_judge: Set(0),
            judges_per_entry: Set(2),
            closed_at: Set(None),
            close_note: Set(String::new()),
            draw_seed: Set(None),
            drawn_at: Set(None),
        }
        .insert(&app.db)
        .await
        .unwrap();
        let aspect_a = node(&app, s.id, None, "A", 60, None, false).await;
        let aspect_b = node(&app, s.id, None, "B", 40, None, false).await;
        let leaves = vec![
            node(
                &app,
                s.id,
                Some(aspect_a.id),
                "A.1",
                50,
                Some((1, 5, 1)),
                false,
            )
            .await,
            node(
                &app,
                s.id,
                Some(aspect_a.id),
                "A.2",
                50,
                Some((1, 5, 1)),
                true,
            )
            .await,
            node(
                &app,
                s.id,
                Some(aspect_b.id),
                "B.1",
                100,
                Some((0, 100, 5)),
                false,
            )
            .await,
        ];
        let mut entries = Vec::new();
        for village in VILLAGES.iter().take(n) {
            let village = (*village).to_owned();
            let now = Utc::now().fixed_offset();
            entries.push(
                nomination::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    competition_id: Set(c.id),
                    village_code: Set(village),
                    status: Set(entity::NominationStatus::Accepted),
                    origin: Set("self".into()),
                    head_name: Set("Sutrisno".into()),
                    description: Set("Desa bordir".into()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(0),
                    ..Default::default()
                }
                .insert(&app.db)
                .await
                .unwrap(),
            );
        }
        Fixture {
            app,
            competition: c,
            stage: s,
            aspect_b,
            leaves,
            entries,
        }
    }

    /// A judge account (home region optional).
    pub async fn judge(&self, name: &str, home: Option<&str>) -> TestUser {
        self.app.create_user(Role::Judge, name, home, None).await
    }

    /// A second browser logged in as `user`.
    pub async fn browser(&self, user: &TestUser) -> Client {
        let client = self.app.new_browser().await;
        login(&client, &user.username).await;
        client
    }

    /// Assigns directly (a sheet row), as the repository would.
    pub async fn assign(&self, entry: usize, judge: Uuid) -> score_sheet::Model {
        let now = Utc::now().fixed_offset();
        score_sheet::ActiveModel {
            id: Set(Uuid::new_v4()),
            stage_id: Set(self.stage.id),
            nomination_id: Set(self.entries[entry].id),
            judge_id: Set(judge),
            status: Set(entity::SheetStatus::Assigned),
            version: Set(0),
            visit_date: Set(None),
            visit_notes: Set(String::new()),
            reopen_reason: Set(String::new()),
            submitted_at: Set(None),
            assigned_by: Set(None),
            assigned_at: Set(now),
            updated_at: Set(now),
            excluded_at: Set(None),
            excluded_reason: Set(String::new()),
            excluded_conflict: Set(None),
        }
        .insert(&self.app.db)
        .await
        .unwrap()
    }

    pub async fn sheet(&self, id: Uuid) -> score_sheet::Model {
        score_sheet::Entity::find_by_id(id)
            .one(&self.app.db)
            .await
            .unwrap()
            .unwrap()
    }

    pub async fn scores(&self, sheet: Uuid) -> Vec<entity::score::Model> {
        entity::score::Entity::find()
            .filter(entity::score::Column::SheetId.eq(sheet))
            .all(&self.app.db)
            .await
            .unwrap()
    }

    /// Form fields for a sheet: `(leaf index, value, n/a)`.
    pub fn form(
        &self,
        version: i32,
        action: &str,
        values: &[(usize, &str, bool)],
    ) -> Vec<(String, String)> {
        let mut f = vec![
            ("version".to_owned(), version.to_string()),
            ("action".to_owned(), action.to_owned()),
        ];
        for (i, v, na) in values {
            let id = self.leaves[*i].id;
            f.push((format!("score[{id}]"), (*v).to_owned()));
            f.push((format!("comment[{id}]"), format!("catatan {v}")));
            if *na {
                f.push((format!("na[{id}]"), "true".to_owned()));
            }
        }
        f
    }

    /// Every leaf answered validly.
    pub fn complete(&self, version: i32, action: &str) -> Vec<(String, String)> {
        self.form(
            version,
            action,
            &[(0, "4", false), (1, "", true), (2, "85", false)],
        )
    }
}

/// Logs `client` in.
pub async fn login(client: &Client, username: &str) {
    crate::common::log_in_ok(client, username, PASSWORD).await;
}

/// Posts a form with `client`'s CSRF token.
pub async fn post<'a>(
    client: &'a Client,
    path: &str,
    fields: &[(String, String)],
) -> LocalResponse<'a> {
    let token = csrf_of(client).await;
    let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
    all.extend(fields.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    client
        .post(path.to_owned())
        .header(ContentType::Form)
        .body(encode_form(&all))
        .dispatch()
        .await
}

/// Shorthand for `(&str, &str)` pairs.
pub fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}
