//! Winners of lower-level competitions brought into a higher one.

use juara::app::nomination::{SkipReason, advance_into};
use juara::auth::Role;
use juara::ids::{NominationId, UserId};
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{NEIGHBOUR, OWN, nomination_with_status, row};
use crate::common::builders::{CompetitionBuilder, requirement};
use crate::common::{TestApp, body};

/// A kecamatan competition in Kaliwungu and the kabupaten competition above it.
async fn two_levels(app: &TestApp) -> (entity::competition::Model, entity::competition::Model) {
    let below = CompetitionBuilder::new("Lomba Desa Kec. Kaliwungu")
        .level("kecamatan", Some("33.19.01"))
        .status("announced")
        .insert(&app.db)
        .await;
    let above = CompetitionBuilder::new("Lomba Desa Kab. Kudus")
        .level("kabupaten", Some("33.19"))
        .insert(&app.db)
        .await;
    (below, above)
}

#[rocket::async_test]
async fn advancing_creates_submitted_nominations_and_skips_duplicates() {
    let app = TestApp::new().await;
    let (below, above) = two_levels(&app).await;
    let winner = nomination_with_status(&app, below.id, OWN, "accepted").await;
    let loser = nomination_with_status(&app, below.id, NEIGHBOUR, "rejected").await;
    crate::results::advancement::published_result(
        &app,
        &below,
        &[(winner, OWN, 1, Some("Juara I"), None)],
        30,
    )
    .await;
    let report = advance_into(
        &app.db,
        &above,
        &[
            NominationId::from(winner),
            NominationId::from(loser),
            NominationId::from(winner),
        ],
        UserId::new(),
    )
    .await
    .unwrap();
    assert_eq!(report.created.len(), 1);
    assert_eq!(
        report.skipped,
        vec![
            (NominationId::from(loser), SkipReason::NotAWinner),
            (NominationId::from(winner), SkipReason::AlreadyEntered),
        ]
    );
    let n = row(&app, report.created[0].into_uuid()).await;
    assert_eq!(n.origin, "advanced");
    assert_eq!(n.status, entity::NominationStatus::Submitted);
    assert_eq!(n.source_competition_id, Some(below.id));
    assert_eq!(n.village_code, OWN);
    assert_eq!(n.head_name, "Kepala Desa Uji");
    assert_eq!(n.population, Some(3000));

    // Run again: the village is already entered, nothing new.
    let again = advance_into(
        &app.db,
        &above,
        &[NominationId::from(winner)],
        UserId::new(),
    )
    .await
    .unwrap();
    assert!(again.created.is_empty());
    assert_eq!(
        again.skipped,
        vec![(NominationId::from(winner), SkipReason::AlreadyEntered)]
    );
    let entries = entity::nomination::Entity::find()
        .filter(entity::nomination::Column::CompetitionId.eq(above.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(entries, 1);
}

#[rocket::async_test]
async fn advanced_nominations_reference_the_source_documents() {
    let app = TestApp::new().await;
    let (below, above) = two_levels(&app).await;
    let req_below = requirement(&app.db, below.id, "PROFIL", "file", true).await;
    let req_above = requirement(&app.db, above.id, "PROFIL", "file", true).await;
    let winner = nomination_with_status(&app, below.id, OWN, "accepted").await;
    crate::results::advancement::published_result(
        &app,
        &below,
        &[(winner, OWN, 1, Some("Juara I"), None)],
        30,
    )
    .await;
    juara::db::documents::insert(
        &app.db,
        juara::db::documents::NewDocument {
            nomination_id: winner,
            target: juara::db::documents::Target::Requirement(req_below.id),
            label: "profil.pdf".into(),
            url: None,
            file: Some(juara::db::documents::StoredFile {
                stored_name: format!("{}/{}.pdf", below.id, uuid::Uuid::new_v4()),
                content_type: "application/pdf".into(),
                size_bytes: 10,
                sha256: "0".repeat(64),
            }),
            uploaded_by: UserId::new(),
        },
    )
    .await
    .unwrap();
    let report = advance_into(
        &app.db,
        &above,
        &[NominationId::from(winner)],
        UserId::new(),
    )
    .await
    .unwrap();
    let docs = juara::db::documents::list_for_nomination(&app.db, report.created[0].into_uuid())
        .await
        .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(
        docs[0].requirement_id,
        Some(req_above.id),
        "matched by checklist code"
    );
    assert_eq!(docs[0].label, "profil.pdf");
}

#[rocket::async_test]
async fn admin_brings_winners_in_through_the_form() {
    let app = TestApp::new().await;
    let (below, above) = two_levels(&app).await;
    let winner = nomination_with_status(&app, below.id, OWN, "accepted").await;
    crate::results::advancement::published_result(
        &app,
        &below,
        &[(winner, OWN, 1, Some("Juara I"), None)],
        30,
    )
    .await;
    nomination_with_status(&app, above.id, NEIGHBOUR, "submitted").await;
    app.login_as(Role::Admin).await;
    let path = format!("/admin/competitions/{}/advance", above.id);
    let page = body(app.get(&path).await).await;
    assert!(page.contains(&winner.to_string()), "the winner is offered");
    let resp = app
        .post_form(&path, &[("nominations", &winner.to_string())])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let list = body(
        app.get(&format!("/admin/competitions/{}/nominations", above.id))
            .await,
    )
    .await;
    assert!(list.contains("1 usulan dibawa masuk; 0 dilewati (0 sudah terdaftar)."));
    assert!(list.contains("Bakalankrapyak"));
    let again = app
        .post_form(&path, &[("nominations", &winner.to_string())])
        .await;
    // Nothing to bring in is a refusal that says why, not "0 brought in" as a success.
    assert_eq!(again.status(), Status::UnprocessableEntity);
    let text = body(again).await;
    assert!(text.contains("Tidak ada juara yang dimajukan"));
    assert!(
        text.contains("Bakalankrapyak, Kaliwungu, Kabupaten Kudus: sudah terdaftar di lomba ini")
    );
}

#[rocket::async_test]
async fn admin_outside_scope_cannot_advance_into_a_competition() {
    let app = TestApp::new().await;
    let (below, above) = two_levels(&app).await;
    let winner = nomination_with_status(&app, below.id, OWN, "accepted").await;
    let far = app
        .browser_as(Role::Admin, "panitia.kaltim", Some("64"), None)
        .await;
    let path = format!("/admin/competitions/{}/advance", above.id);
    assert_eq!(
        far.get(path.clone()).dispatch().await.status(),
        Status::NotFound
    );
    let token = crate::common::csrf_of(&far).await;
    let resp = far
        .post(path)
        .header(rocket::http::ContentType::Form)
        .body(crate::common::encode_form(&[
            ("_csrf", &token),
            ("nominations", &winner.to_string()),
        ]))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::NotFound);
}
