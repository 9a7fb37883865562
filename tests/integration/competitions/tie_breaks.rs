//! The tie-break page: reachable from the competition, shows the chain in words, saves rows
//! in order, keeps what was typed beside each refused field, and shows each tie's rule.

use rocket::http::Status;

use super::*;
use crate::common::body;

#[rocket::async_test]
async fn the_committee_sets_the_chain_on_its_page() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let hub = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(hub.contains(&format!("href=\"/admin/competitions/{id}/tie-breaks\"")));
    assert!(
        hub.contains("Nilai tahap PAPARAN lebih tinggi"),
        "the chain in words on the hub"
    );
    let path = format!("/admin/competitions/{id}/tie-breaks");
    let page = body(app.get(&path).await).await;
    assert!(page.contains("name=\"rules[0].kind\""));
    assert!(page.contains("<option value=\"stage_score\" selected>"));

    let resp = app
        .post_form(
            &path,
            &[
                ("rules[0].kind", "criterion_score"),
                ("rules[0].stage", "PAPARAN"),
                ("rules[0].code", "P2"),
                ("rules[0].seed", ""),
                ("rules[1].kind", ""),
                ("rules[1].stage", ""),
                ("rules[1].code", ""),
                ("rules[1].seed", ""),
                ("rules[2].kind", "draw"),
                ("rules[2].stage", ""),
                ("rules[2].code", ""),
                ("rules[2].seed", "31"),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let stored = competition(&app, id).await.tie_breaks;
    assert_eq!(
        stored,
        r#"[{"CriterionScore":{"stage":"PAPARAN","code":"P2"}},{"Draw":{"seed":31}}]"#
    );
    let page = body(app.get(&path).await).await;
    assert!(page.contains("Undian dengan nomor 31"));
    assert_eq!(
        audit(&app, id)
            .await
            .iter()
            .filter(|e| e.action == "competition.tie_breaks")
            .count(),
        1
    );
}

#[rocket::async_test]
async fn refused_rows_are_named_at_the_top_and_beside_the_field_and_nothing_is_saved() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let before = competition(&app, id).await.tie_breaks;
    let path = format!("/admin/competitions/{id}/tie-breaks");
    let resp = app
        .post_form(
            &path,
            &[
                ("rules[0].kind", "draw"),
                ("rules[0].stage", ""),
                ("rules[0].code", ""),
                ("rules[0].seed", "tiga puluh"),
                ("rules[1].kind", "stage_score"),
                ("rules[1].stage", ""),
                ("rules[1].code", ""),
                ("rules[1].seed", ""),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let html = body(resp).await;
    assert!(
        html.contains("href=\"#f-rules-0-seed\""),
        "summary links the field"
    );
    assert!(
        html.contains("value=\"tiga puluh\""),
        "what was typed is kept"
    );
    assert!(html.contains("Aturan 2: Wajib diisi."));
    // The engine's objection: nothing may follow a draw.
    let resp = app
        .post_form(
            &path,
            &[
                ("rules[0].kind", "draw"),
                ("rules[0].stage", ""),
                ("rules[0].code", ""),
                ("rules[0].seed", "5"),
                ("rules[1].kind", "stage_score"),
                ("rules[1].stage", "PAPARAN"),
                ("rules[1].code", ""),
                ("rules[1].seed", ""),
                ("reason", ""),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    assert!(body(resp).await.contains("mengakhiri urutan"));
    assert_eq!(competition(&app, id).await.tie_breaks, before);
}
