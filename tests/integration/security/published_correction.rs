//! Corrections after the announcement: named, previewed, recorded, refused when empty; and a
//! renamed announced competition keeps its announced name on the public pages.

use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::published::{announced, inputs, winners_sheet};
use crate::common::body;
use crate::results::{confirm_token, correct_confirmed};

#[rocket::async_test]
async fn a_correction_that_changes_nothing_is_refused() {
    let (app, c) = announced().await;
    let before = inputs(&app, &c).await;
    let path = format!("/admin/competitions/{}/results/correct", c.id);
    let score = entity::score::Entity::find()
        .filter(entity::score::Column::SheetId.eq(winners_sheet(&app, &c).await.id))
        .one(&app.db)
        .await
        .expect("query")
        .expect("score");
    let field = format!("values[{}]", score.id);
    let stored = juara::domain::Points::from_units(score.value.expect("value")).to_string();
    for fields in [
        vec![
            ("nomination", c.noms[0].to_string()),
            ("reason", "Tanpa perubahan".into()),
        ],
        vec![
            ("nomination", c.noms[0].to_string()),
            (field.as_str(), stored.clone()),
            ("reason", "Nilai sama".into()),
        ],
    ] {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let resp = app.post_form(&path, &fields).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity);
        let page = body(resp).await;
        assert!(page.contains("tidak mengubah apa pun"), "says why");
        assert!(
            page.contains(r#"id="error-summary""#),
            "summarised at the top"
        );
        assert!(confirm_token(&page).is_none(), "nothing to confirm");
    }
    assert_eq!(inputs(&app, &c).await, before, "nothing published");
}

#[rocket::async_test]
async fn a_correction_off_the_scale_is_refused_next_to_the_field() {
    let (app, c) = announced().await;
    let before = inputs(&app, &c).await;
    let path = format!("/admin/competitions/{}/results/correct", c.id);
    let score = entity::score::Entity::find()
        .filter(entity::score::Column::SheetId.eq(winners_sheet(&app, &c).await.id))
        .one(&app.db)
        .await
        .expect("query")
        .expect("score");
    let field = format!("values[{}]", score.id);
    // 150 is above the 0–100 scale; TB is refused on an indicator that is not optional.
    for bad in ["150", "-1", "TB"] {
        let nomination = c.noms[0].to_string();
        let fields = [
            ("nomination", nomination.as_str()),
            (field.as_str(), bad),
            ("reason", "Salah input"),
        ];
        let resp = app.post_form(&path, &fields).await;
        assert_eq!(resp.status(), Status::UnprocessableEntity, "{bad}");
        let page = body(resp).await;
        assert!(page.contains("skala indikator"), "{bad}: says why");
        assert!(
            page.contains(&format!("err-{field}")),
            "{bad}: next to the field"
        );
        assert!(confirm_token(&page).is_none(), "{bad}: nothing to confirm");
    }
    assert_eq!(inputs(&app, &c).await, before, "nothing published");
}

#[rocket::async_test]
async fn a_correction_names_its_change_shows_the_diff_then_publishes_v2_with_the_audit() {
    let (app, c) = announced().await;
    // Judge 1's field score on aspect A for 2002 (index 1) was 80; 90 puts 2002 first.
    let score = crate::results::lap_a_score(&app, &c, 1).await;
    let field = format!("values[{}]", score);
    let nom = c.noms[1].to_string();
    let fields = [
        ("nomination", nom.as_str()),
        (field.as_str(), "90"),
        ("reason", "Salah input nilai lapangan"),
    ];
    let path = format!("/admin/competitions/{}/results/correct", c.id);
    let preview = body(app.post_form(&path, &fields).await).await;
    // The diff names villages (not codes) with old and new rank, score and prize.
    assert!(preview.contains(r#"id="correction-diff""#));
    assert!(
        preview.contains(": 80.00 → 90.00</li>"),
        "the change is named old → new: {preview}"
    );
    assert!(preview.contains("Juara I"), "prizes shown");
    assert!(!preview.contains(">33.19.01.2002<"), "names, not codes");
    // Entries cut by the documents shortlist say where they stopped, not a final of 0.
    assert!(preview.contains("gugur di tahap ADM"), "{preview}");
    assert!(!preview.contains(">0.00<"), "no final of 0 for a cut entry");
    // A confirmation that does not match the preview publishes nothing.
    let mut stale = fields.to_vec();
    stale.push(("confirm", "0000"));
    assert_eq!(
        app.post_form(&path, &stale).await.status(),
        Status::Conflict
    );
    let versions = juara::db::results::snapshots::list(&app.db, c.id)
        .await
        .expect("list");
    assert_eq!(versions.len(), 1);
    let resp = correct_confirmed(&app, &c, &fields).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let v2 = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .expect("query")
        .expect("v2");
    assert_eq!(v2.version, 2);
    assert_eq!(v2.reason, "Salah input nilai lapangan");
    let published = juara::db::results::snapshots::published(&v2).expect("published");
    let first = published
        .lines
        .iter()
        .find(|l| l.rank == 1)
        .expect("rank 1");
    assert_eq!(first.nomination_id, c.noms[1], "2002 now first");
    let events = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::CompetitionId.eq(c.id))
        .filter(entity::audit_event::Column::Action.eq("results.score_corrected"))
        .all(&app.db)
        .await
        .expect("events");
    assert_eq!(events.len(), 1, "{events:?}");
    assert!(
        events[0].details.ends_with(": 80.00 → 90.00"),
        "{}",
        events[0].details
    );
    assert_eq!(events[0].nomination_id, Some(c.noms[1]));
    assert!(events[0].actor_id.is_some(), "who");
    let corrected = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::CompetitionId.eq(c.id))
        .filter(entity::audit_event::Column::Action.eq("results.corrected"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("corrected event");
    assert_eq!(corrected.reason, "Salah input nilai lapangan", "why");
    // The competition is announced again and its inputs locked again.
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("competition");
    assert_eq!(comp.status, entity::CompetitionStatus::Announced);
}

#[rocket::async_test]
async fn renaming_an_announced_competition_needs_a_reason_and_pages_keep_the_announced_name() {
    use juara::app::competition::Error;
    use juara::app::competition::lifecycle::update;
    use juara::db::competitions::CompetitionFields;
    let (app, c) = announced().await;
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .expect("query")
        .expect("competition");
    let mut fields = CompetitionFields::of(&comp);
    fields.name = "Lomba Desa Kabupaten Kudus 2026 (Revisi)".into();
    let actor = juara::ids::UserId::new();
    let refused = update(&app.db, comp.clone(), &fields, "  ", actor, "id").await;
    assert!(
        matches!(&refused, Err(Error::Invalid(e)) if e == &vec![("reason", "err-reason-required")]),
        "{refused:?}"
    );
    let mut tie = CompetitionFields::of(&comp);
    tie.tie_policy = if tie.tie_policy == "split" {
        "full".into()
    } else {
        "split".into()
    };
    let refused = update(&app.db, comp.clone(), &tie, "Ubah aturan", actor, "id").await;
    assert!(matches!(refused, Err(Error::Conflict(_))), "{refused:?}");
    update(&app.db, comp, &fields, "Salah ketik nama", actor, "id")
        .await
        .expect("renamed with a reason");
    let renamed = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::Action.eq("competition.renamed"))
        .one(&app.db)
        .await
        .expect("query")
        .expect("renamed event");
    assert_eq!(renamed.reason, "Salah ketik nama");
    // The public winners page shows the name the result was announced under.
    let page = body(app.get(&format!("/results/{}", c.id)).await).await;
    assert!(page.contains("Lomba Desa Kabupaten Kudus 2026"));
    assert!(!page.contains("(Revisi)"), "frozen name");
}
