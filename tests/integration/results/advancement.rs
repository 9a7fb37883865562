//! Advancement follows the results: only prize winners of final results (announced, appeal
//! window closed, no open appeal) of the level directly below are offered and admitted, a
//! refusal says why, and a later correction that changes the winners is shown on the upper
//! competition's page and applied there in one step.

use chrono::{Duration, Utc};
use juara::auth::Role;
use juara::db::results::snapshots;
use juara::results::published::{Line, PrizeInfo, Totals};
use juara::results::{Published, VillageInfo};
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use super::{Contest, announce, contest, village};
use crate::common::builders::CompetitionBuilder;
use crate::common::{TestApp, body};

/// Today in WIB as the transfer form takes it.
pub fn today() -> String {
    (Utc::now() + Duration::hours(7))
        .format("%Y-%m-%d")
        .to_string()
}

/// Moves the announcement of `competition` back `days` days (so its appeal window closes).
pub async fn announced_days_ago(app: &TestApp, competition: Uuid, days: i64) {
    let snaps = snapshots::list(&app.db, competition)
        .await
        .expect("snapshots");
    for s in snaps {
        let when = s.announced_at - Duration::days(days);
        let mut a: entity::result_snapshot::ActiveModel = s.into();
        a.announced_at = Set(when);
        a.update(&app.db).await.expect("backdate");
    }
}

/// One line of a hand-made published result: (nomination, village code, rank, prize label
/// if a winner, stage it fell at if eliminated).
pub type LineSpec<'a> = (Uuid, &'a str, u32, Option<&'a str>, Option<&'a str>);

/// Stores a published result for `c` (announced `days_ago` days ago) with these lines.
pub async fn published_result(
    app: &TestApp,
    c: &entity::competition::Model,
    lines: &[LineSpec<'_>],
    days_ago: i64,
) {
    let result = serde_json::from_value(serde_json::json!({
        "ranking": [], "incomplete": [], "excluded_sheets": [], "stages": [],
        "trail": {"stages": []}
    }))
    .expect("empty engine result");
    let p = Published {
        competition_id: c.id,
        competition_name: c.name.clone(),
        year: c.year,
        level: c.level.clone(),
        category: c.category.clone(),
        stages: Vec::new(),
        lines: lines
            .iter()
            .map(|(n, code, rank, prize, out)| Line {
                nomination_id: *n,
                village: VillageInfo {
                    code: (*code).to_owned(),
                    ..Default::default()
                },
                rank: *rank,
                final_score: 800_000,
                raw_points: 800_000,
                stage_scores: Vec::new(),
                decided_by: None,
                shared_rank: false,
                eliminated_at: out.map(str::to_owned),
                prize: prize.map(|label| PrizeInfo {
                    label: label.to_owned(),
                    cash: 10_000_000,
                    assistance: 0,
                    trophy: true,
                    certificate: true,
                    shared_with: 1,
                }),
            })
            .collect(),
        incomplete: Vec::new(),
        totals: Totals::default(),
        comments_published: false,
        comments: Vec::new(),
        result,
    };
    // History as an older release stored it: a published ranking without engine inputs
    // (hash scheme 1), so the fixture needs no criteria or sheets.
    let previous = snapshots::current(&app.db, c.id).await.expect("current");
    let version = previous.as_ref().map_or(1, |p| p.version + 1);
    if let Some(p) = previous {
        let mut a: entity::result_snapshot::ActiveModel = p.into();
        a.status = Set(snapshots::SUPERSEDED.to_owned());
        a.update(&app.db).await.expect("supersede");
    }
    let outputs = serde_json::to_string(&p).expect("json");
    let now = Utc::now().fixed_offset();
    entity::result_snapshot::ActiveModel {
        id: Set(Uuid::new_v4()),
        competition_id: Set(c.id),
        version: Set(version),
        status: Set(snapshots::CURRENT.to_owned()),
        content_hash: Set(snapshots::content_hash("{}", &outputs)),
        hash_scheme: Set(1),
        inputs: Set("{}".into()),
        outputs: Set(outputs),
        reason: Set(String::new()),
        created_by: Set(None),
        created_at: Set(now),
        announced_at: Set(now),
        rules_version: Set(None),
    }
    .insert(&app.db)
    .await
    .expect("snapshot");
    announced_days_ago(app, c.id, days_ago).await;
}

async fn entered(app: &TestApp, competition: Uuid) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = entity::nomination::Entity::find()
        .filter(entity::nomination::Column::CompetitionId.eq(competition))
        .all(&app.db)
        .await
        .expect("nominations")
        .into_iter()
        .map(|n| (n.village_code, n.status.as_str().to_owned()))
        .collect();
    v.sort();
    v
}

/// The kabupaten contest announced, and the provincial competition above it.
async fn announced_with_target(app: &TestApp) -> (Contest, entity::competition::Model) {
    let c = contest(app).await;
    app.login_as(Role::Admin).await;
    announce(app, &c).await;
    let above = CompetitionBuilder::new("Lomba Desa Provinsi Jawa Tengah")
        .level("provinsi", Some("33"))
        .insert(&app.db)
        .await;
    (c, above)
}

#[rocket::async_test]
async fn advancement_during_the_appeal_window_is_refused_with_the_reason() {
    let app = TestApp::new().await;
    let (c, above) = announced_with_target(&app).await;
    let path = format!("/admin/competitions/{}/advance", above.id);
    let page = body(app.get(&path).await).await;
    assert!(page.contains("Banding masih terbuka sampai"), "{page}");
    assert!(
        !page.contains(&c.noms[0].to_string()),
        "no candidate while appeals are open"
    );
    let resp = app
        .post_form(&path, &[("nominations", &c.noms[0].to_string())])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let text = body(resp).await;
    assert!(text.contains("Tidak ada juara yang dimajukan"));
    assert!(text.contains("Banding masih terbuka sampai"));
    assert!(!text.contains("0 usulan dibawa masuk"));
    // The results page's own advance form refuses the same way.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/advance", c.id),
            &[("target", &above.id.to_string()), ("top", "2")],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("Banding masih terbuka sampai"));
    assert!(entered(&app, above.id).await.is_empty(), "nothing admitted");

    // An open appeal keeps it refused after the window closes.
    announced_days_ago(&app, c.id, 8).await;
    // The window is closed for villages now, so the late-answered appeal is stored directly.
    juara::db::results::appeals::insert(
        &app.db,
        c.id,
        c.noms[2],
        1,
        "x".into(),
        None,
        Uuid::new_v4(),
    )
    .await
    .expect("appeal");
    let resp = app
        .post_form(&path, &[("nominations", &c.noms[0].to_string())])
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("sanggahan yang belum dijawab"));
    assert!(entered(&app, above.id).await.is_empty());
}

#[rocket::async_test]
async fn only_prize_winners_of_final_results_directly_below_are_offered_and_admitted() {
    let app = TestApp::new().await;
    let (c, above) = announced_with_target(&app).await;
    announced_days_ago(&app, c.id, 8).await;
    // A kabupaten competition still judging, inside the province, with an accepted entry.
    let judging = CompetitionBuilder::new("Lomba Desa Kab. Kudus Putaran II")
        .level("kabupaten", Some("33.19"))
        .status("judging")
        .insert(&app.db)
        .await;
    let still_judged =
        crate::common::builders::nomination_row(&app.db, judging.id, "33.19.01.2015", "accepted")
            .await;
    let path = format!("/admin/competitions/{}/advance", above.id);
    let page = body(app.get(&path).await).await;
    // Winners (ranks 1–5) offered by name and region; the entry cut at ADM (index 6) not.
    assert!(page.contains(&c.noms[0].to_string()));
    assert!(page.contains("Juara I (hasil versi 1)"), "{page}");
    assert!(page.contains("Kaliwungu"), "region named");
    assert!(!page.contains(&village(0)), "villages by name, not code");
    assert!(!page.contains(&c.noms[6].to_string()), "cut at ADM");
    assert!(!page.contains(&still_judged.to_string()), "still judging");
    assert!(page.contains("Putaran II (2026): Hasil lomba asalnya belum diumumkan"));

    // Posted directly, the outsiders are refused with the reason; the winner is admitted.
    let resp = app
        .post_form(
            &path,
            &[
                ("nominations", &c.noms[6].to_string()),
                ("nominations", &still_judged.to_string()),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let text = body(resp).await;
    assert!(text.contains("Bukan juara pada hasil terakhir"), "{text}");
    assert!(text.contains("Hasil lomba asalnya belum diumumkan"));
    assert!(entered(&app, above.id).await.is_empty());
    let resp = app
        .post_form(
            &path,
            &[
                ("nominations", &c.noms[0].to_string()),
                ("nominations", &c.noms[6].to_string()),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        entered(&app, above.id).await,
        vec![(village(0), "submitted".to_owned())]
    );
}

#[rocket::async_test]
async fn a_correction_that_changes_winners_is_shown_and_applied_in_one_step() {
    let app = TestApp::new().await;
    app.login_as(Role::Admin).await;
    let below = CompetitionBuilder::new("Lomba Desa Kec. Kaliwungu")
        .level("kecamatan", Some("33.19.01"))
        .status("announced")
        .insert(&app.db)
        .await;
    let above = CompetitionBuilder::new("Lomba Desa Kab. Kudus")
        .level("kabupaten", Some("33.19"))
        .insert(&app.db)
        .await;
    let (x, y) = ("33.19.01.2001", "33.19.01.2002");
    let nx = crate::common::builders::nomination_row(&app.db, below.id, x, "accepted").await;
    let ny = crate::common::builders::nomination_row(&app.db, below.id, y, "accepted").await;
    published_result(
        &app,
        &below,
        &[(nx, x, 1, Some("Juara I"), None), (ny, y, 2, None, None)],
        30,
    )
    .await;
    let path = format!("/admin/competitions/{}/advance", above.id);
    let resp = app
        .post_form(&path, &[("nominations", &nx.to_string())])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    // Version 2 swaps them.
    published_result(
        &app,
        &below,
        &[(ny, y, 1, Some("Juara I"), None), (nx, x, 2, None, None)],
        30,
    )
    .await;
    let page = body(app.get(&path).await).await;
    assert!(
        page.contains("Bakalankrapyak, Kaliwungu, Kabupaten Kudus bukan lagi juara Lomba Desa Kec. Kaliwungu (2026) versi 2"),
        "{page}"
    );
    assert!(page.contains("sekarang juara"));
    // The lower committee sees it too, naming the competition that must apply it.
    let lower = body(
        app.get(&format!("/admin/competitions/{}/results", below.id))
            .await,
    )
    .await;
    assert!(
        lower.contains("sudah dimajukan ke Lomba Desa Kab. Kudus (2026), tetapi bukan lagi juara pada hasil versi 2"),
        "{lower}"
    );
    let resp = app
        .post_form(&format!("{path}/sync/{}", below.id), &[])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(
        entered(&app, above.id).await,
        vec![
            (x.to_owned(), "withdrawn".to_owned()),
            (y.to_owned(), "submitted".to_owned())
        ]
    );
    let page = body(app.get(&path).await).await;
    assert!(!page.contains("bukan lagi juara"), "nothing left to change");
}
