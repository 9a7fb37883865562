//! The competition page as the committee's hub, and the admin dashboard that leads to it:
//! nominations counted per state (each count a link to the filtered list), sheets submitted
//! per stage once judging has started, and the competitions still running in the admin's
//! region with what waits for review.

use entity::village;
use sea_orm::PaginatorTrait;

use super::*;
use crate::common::body;
use crate::common::builders::{CompetitionBuilder, nomination_row, sheet_row, stage_row};

const KUDUS_VILLAGES: [&str; 3] = ["33.19.01.2001", "33.19.01.2002", "33.19.01.2003"];

#[rocket::async_test]
async fn the_hub_counts_nominations_per_state_and_sheets_per_stage() {
    let app = TestApp::new().await;
    login_regional_admin(&app, "panitia-jateng", "33").await;
    let c = CompetitionBuilder::new("Lomba Desa Kabupaten Kudus 2026")
        .insert(&app.db)
        .await;
    for (village, state) in KUDUS_VILLAGES
        .iter()
        .zip(["submitted", "submitted", "draft"])
    {
        nomination_row(&app.db, c.id, village, state).await;
    }
    let hub = body(app.get(&format!("/admin/competitions/{}", c.id)).await).await;
    let link = |state: &str, n: u32| {
        format!(
            r#"<a href="/admin/competitions/{}/nominations?status={state}"><span class="count">{n}</span>"#,
            c.id
        )
    };
    assert!(hub.contains(&link("submitted", 2)), "two sent");
    assert!(hub.contains(&link("draft", 1)), "one draft");
    assert!(
        hub.contains(&link("accepted", 0)),
        "zero states are shown too"
    );
    assert!(hub.contains("Penilaian dimulai setelah pendaftaran ditutup."));

    // In judging, each stage says how many of its sheets are in.
    let judging = CompetitionBuilder::new("Lomba Desa Kudus (penilaian)")
        .status("judging")
        .insert(&app.db)
        .await;
    let stage = stage_row(&app.db, judging.id, "ADM", 0, 100, None).await;
    let entry = nomination_row(&app.db, judging.id, KUDUS_VILLAGES[0], "accepted").await;
    let judges = [
        app.create_user(Role::Judge, "juri-a", None, None).await,
        app.create_user(Role::Judge, "juri-b", None, None).await,
    ];
    sheet_row(&app.db, stage.id, entry, judges[0].id, "submitted", &[]).await;
    sheet_row(&app.db, stage.id, entry, judges[1].id, "draft", &[]).await;
    let hub = body(
        app.get(&format!("/admin/competitions/{}", judging.id))
            .await,
    )
    .await;
    assert!(hub.contains("1 dari 2 lembar terkirim"), "{hub}");
    assert!(hub.contains(&format!(
        r#"href="/admin/competitions/{}/judging/{}""#,
        judging.id, stage.id
    )));
}

#[rocket::async_test]
async fn the_dashboard_lists_running_competitions_of_the_region_with_what_waits() {
    let app = TestApp::new().await;
    login_regional_admin(&app, "panitia-jateng", "33").await;
    let running = CompetitionBuilder::new("Lomba Desa Kabupaten Kudus 2026")
        .insert(&app.db)
        .await;
    nomination_row(&app.db, running.id, KUDUS_VILLAGES[0], "submitted").await;
    nomination_row(&app.db, running.id, KUDUS_VILLAGES[1], "accepted").await;
    CompetitionBuilder::new("Lomba Desa Kudus 2020 (arsip)")
        .status("archived")
        .insert(&app.db)
        .await;
    CompetitionBuilder::new("Lomba Desa Kalimantan Timur")
        .level("provinsi", Some("64"))
        .insert(&app.db)
        .await;

    let html = body(app.get("/admin").await).await;
    assert!(html.contains("Lomba Desa Kabupaten Kudus 2026"));
    assert!(html.contains(&format!(
        r#"href="/admin/competitions/{}/nominations?status=submitted">1 usulan menunggu diperiksa"#,
        running.id
    )));
    assert!(html.contains("1 usulan lolos administrasi"));
    assert!(
        !html.contains("(arsip)"),
        "archived competitions are not running"
    );
    assert!(
        !html.contains("Kalimantan Timur"),
        "another region's competition"
    );

    // The registry count is the region's (written the Indonesian way: `angka`).
    let in_region = village::Entity::find()
        .filter(village::Column::Code.starts_with("33."))
        .count(&app.db)
        .await
        .unwrap();
    let all = village::Entity::find().count(&app.db).await.unwrap();
    assert!(
        in_region > 0 && in_region < all,
        "the fixture registry spans several provinces"
    );
    let shown = juara::views::format::decimal(i64::try_from(in_region).unwrap(), 1, 0);
    assert!(
        html.contains(&format!(r#"<span class="num">{shown}</span>"#)),
        "{shown} villages in Jawa Tengah"
    );
}
