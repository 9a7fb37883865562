//! Results end to end: a two-stage kabupaten competition scored by three judges (one with a
//! conflict, one scoring only aspect B in the field stage), previewed, announced, explained to
//! a village, appealed, corrected, paid and advanced; plus exports and access rules.

mod access;
pub mod advancement;
mod comments;
mod demo;
mod disagreements;
mod documents;
mod e2e;
mod exports;
pub mod ledger;
mod ledger_db;
mod ledger_zone;
mod letterhead;
mod pdf_text;
mod preflight;
mod protocol;
mod public_cache;
mod recap;
mod record;
mod refusals;
mod scale;
mod shortlist;
mod verify;

use juara::auth::Role;
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use uuid::Uuid;

use crate::common::builders::{
    BOUNDARY, CompetitionBuilder, Part, conflict_row, leaf_row, multipart, nomination_row,
    panel_row, prize_row, sheet_row, stage_row,
};
use crate::common::{TestApp, csrf_of};

/// (ADM score, field score) every judge gives village `33.19.01.20xx` (index 0 = 2001) on
/// both aspects. Index 0 and 1 tie on the final score (86.00) and the field stage decides;
/// 2 and 3 are identical in everything and share rank 3; 6.. fall at the documents shortlist.
pub const SCORES: [(i64, Option<i64>); 12] = [
    (80, Some(90)),
    (95, Some(80)),
    (70, Some(70)),
    (70, Some(70)),
    (65, Some(65)),
    (62, Some(60)),
    (60, None),
    (55, None),
    (50, None),
    (45, None),
    (40, None),
    (35, None),
];

pub const CASH_TOTAL: i64 = 100_000_000 + 75_000_000 + 50_000_000 + 25_000_001 + 10_000_000;

/// The competition and the ids the tests need.
pub struct Contest {
    pub id: Uuid,
    pub lap: Uuid,
    /// LAP aspect A (scored by judges 1 and 2 only).
    pub lap_a: Uuid,
    pub judges: [Uuid; 3],
    /// Nomination id per village index.
    pub noms: Vec<Uuid>,
}

pub fn village(i: usize) -> String {
    format!("33.19.01.{}", 2001 + i)
}

/// Sets up the whole scored competition in `review`.
pub async fn contest(app: &TestApp) -> Contest {
    let db = &app.db;
    let c = CompetitionBuilder::new("Lomba Desa Kabupaten Kudus 2026")
        .status("review")
        .closed()
        .appeals(7)
        .tie_breaks(r#"[{"StageScore":{"stage":"LAP"}}]"#)
        .budgets(Some(300_000_000), Some(50_000_000))
        .insert(db)
        .await;
    let adm = stage_row(db, c.id, "ADM", 0, 40, Some(6)).await;
    let lap = stage_row(db, c.id, "LAP", 1, 60, None).await;
    let adm_a = leaf_row(db, adm.id, "A", 50, 0).await.id;
    let adm_b = leaf_row(db, adm.id, "B", 50, 1).await.id;
    let lap_a = leaf_row(db, lap.id, "A", 50, 0).await.id;
    let lap_b = leaf_row(db, lap.id, "B", 50, 1).await.id;
    prize_row(db, c.id, 1, "Juara I", 100_000_000, 50_000_000).await;
    prize_row(db, c.id, 2, "Juara II", 75_000_000, 0).await;
    prize_row(db, c.id, 3, "Juara III", 50_000_000, 0).await;
    prize_row(db, c.id, 4, "Harapan I", 25_000_001, 0).await;
    prize_row(db, c.id, 5, "Harapan II", 10_000_000, 0).await;
    let mut judges = [Uuid::nil(); 3];
    for (i, j) in judges.iter_mut().enumerate() {
        *j = app
            .create_user(Role::Judge, &format!("juri{}", i + 1), Some("33.19"), None)
            .await
            .id;
    }
    // Judge 3 is related to the head of village 2001: no sheets there.
    conflict_row(db, judges[2], &village(0)).await;
    for j in judges {
        panel_row(db, adm.id, j, &[]).await;
    }
    panel_row(db, lap.id, judges[0], &[]).await;
    panel_row(db, lap.id, judges[1], &[]).await;
    panel_row(db, lap.id, judges[2], &[lap_b]).await;
    let mut noms = Vec::new();
    for (i, (doc, field)) in SCORES.iter().enumerate() {
        let n = nomination_row(db, c.id, &village(i), "accepted").await;
        noms.push(n);
        for (k, j) in judges.iter().enumerate() {
            if k == 2 && i == 0 {
                continue;
            }
            // Judge 3 is far off on the last village: an outlying sheet.
            let v = if k == 2 && i == 11 { doc + 20 } else { *doc };
            sheet_row(
                db,
                adm.id,
                n,
                *j,
                "submitted",
                &[(adm_a, Some(v)), (adm_b, Some(v))],
            )
            .await;
            if let Some(f) = field {
                let values: Vec<(Uuid, Option<i64>)> = if k == 2 {
                    vec![(lap_b, Some(*f))]
                } else {
                    vec![(lap_a, Some(*f)), (lap_b, Some(*f))]
                };
                sheet_row(db, lap.id, n, *j, "submitted", &values).await;
            }
        }
    }
    // A rejected nomination is never judged; a draft sheet is reported, not counted.
    nomination_row(db, c.id, &village(12), "rejected").await;
    sheet_row(db, adm.id, noms[0], judges[2], "draft", &[]).await;
    Contest {
        id: c.id,
        lap: lap.id,
        lap_a,
        judges,
        noms,
    }
}

/// A second browser logged in as a new account.
pub async fn browser_as(
    app: &TestApp,
    role: Role,
    username: &str,
    region: Option<&str>,
    village: Option<&str>,
) -> Client {
    app.browser_as(role, username, region, village).await
}

/// POSTs a multipart form (texts and one optional file) from a browser.
pub async fn post_multipart<'c>(
    client: &'c Client,
    path: &str,
    texts: &[(&str, &str)],
    file: Option<(&str, &str, &[u8])>,
) -> LocalResponse<'c> {
    let token = csrf_of(client).await;
    let mut parts = vec![Part::Text("_csrf", &token)];
    parts.extend(texts.iter().map(|(k, v)| Part::Text(k, v)));
    if let Some((field, name, bytes)) = file {
        parts.push(Part::File(field, name, bytes));
    }
    client
        .post(path.to_owned())
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .body(multipart(&parts))
        .dispatch()
        .await
}

/// Records the plenary minutes and announces, as the logged-in admin of `app`.
pub async fn announce(app: &TestApp, c: &Contest) {
    let path = format!("/admin/competitions/{}/results/minutes", c.id);
    let resp = app
        .post_form(
            &path,
            &[
                ("held_on", "2026-11-20"),
                ("place", "Aula DPMPD Kudus"),
                ("members", "Ketua, Sekretaris, Anggota"),
                ("decision", "Menetapkan hasil penilaian"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/announce", c.id),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
}

/// The JSON body of a GET from a browser.
pub async fn json(client: &Client, path: &str) -> (Status, serde_json::Value) {
    let resp = client.get(path.to_owned()).dispatch().await;
    let status = resp.status();
    let body = resp.into_string().await.unwrap_or_default();
    (
        status,
        serde_json::from_str(&body).unwrap_or(serde_json::Value::Null),
    )
}

/// The confirmation token of a correction preview page, if it shows one.
pub fn confirm_token(page: &str) -> Option<String> {
    let start = page.find(r#"name="confirm" value=""#)? + r#"name="confirm" value=""#.len();
    let len = page.get(start..)?.find('"')?;
    page.get(start..start + len).map(str::to_owned)
}

/// Posts a correction, checks the committee is shown the difference first (200, diff table,
/// nothing published yet), then confirms it. Returns the confirmation's response.
pub async fn correct_confirmed<'a>(
    app: &'a TestApp,
    c: &Contest,
    fields: &[(&str, &str)],
) -> LocalResponse<'a> {
    let path = format!("/admin/competitions/{}/results/correct", c.id);
    let before = juara::db::results::snapshots::list(&app.db, c.id)
        .await
        .expect("versions")
        .len();
    let preview = app.post_form(&path, fields).await;
    assert_eq!(preview.status(), Status::Ok, "a preview comes first");
    let page = crate::common::body(preview).await;
    assert!(
        page.contains(r#"id="correction-diff""#),
        "the diff is shown"
    );
    let after = juara::db::results::snapshots::list(&app.db, c.id)
        .await
        .expect("versions")
        .len();
    assert_eq!(before, after, "a preview publishes nothing");
    let token = confirm_token(&page).expect("confirmation token");
    let mut confirmed = fields.to_vec();
    confirmed.push(("confirm", &token));
    app.post_form(&path, &confirmed).await
}

/// The id of judge 1's score of village `i` on LAP aspect A (the value corrections change).
pub async fn lap_a_score(app: &TestApp, c: &Contest, i: usize) -> Uuid {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let sheet = entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::StageId.eq(c.lap))
        .filter(entity::score_sheet::Column::NominationId.eq(c.noms[i]))
        .filter(entity::score_sheet::Column::JudgeId.eq(c.judges[0]))
        .one(&app.db)
        .await
        .expect("query")
        .expect("sheet");
    entity::score::Entity::find()
        .filter(entity::score::Column::SheetId.eq(sheet.id))
        .filter(entity::score::Column::CriterionId.eq(c.lap_a))
        .one(&app.db)
        .await
        .expect("query")
        .expect("score")
        .id
}
