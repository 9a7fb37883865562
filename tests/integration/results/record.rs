//! The record after the announcement: a correction that moves a village reopens its appeal
//! window (and only its), a village may appeal each window once and open its own attachment
//! again, and the audit trail names people, villages and every change in words.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

use super::advancement::announced_days_ago;
use super::{
    announce, browser_as, contest, correct_confirmed, lap_a_score, post_multipart, village,
};
use crate::common::{TestApp, body};

/// J1's field score on aspect A for 2002 goes 80 → 90: 2002 becomes Juara I, 2001 Juara II.
async fn swap_first_and_second(app: &TestApp, c: &super::Contest, appeal: Option<Uuid>) {
    let score = lap_a_score(app, c, 1).await;
    let field = format!("values[{score}]");
    let nomination = c.noms[1].to_string();
    let appeal = appeal.map(|a| a.to_string());
    let mut fields = vec![
        ("nomination", nomination.as_str()),
        (field.as_str(), "90"),
        ("reason", "Salah input nilai lapangan"),
    ];
    if let Some(a) = &appeal {
        fields.push(("appeal", a.as_str()));
    }
    let resp = correct_confirmed(app, c, &fields).await;
    assert_eq!(resp.status(), Status::SeeOther);
}

async fn appeal_count(app: &TestApp, nomination: Uuid) -> u64 {
    entity::appeal::Entity::find()
        .filter(entity::appeal::Column::NominationId.eq(nomination))
        .count(&app.db)
        .await
        .unwrap()
}

#[rocket::async_test]
async fn a_correction_reopens_the_window_of_the_villages_it_moves_and_only_theirs() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    // The seven-day window of v1 closed a day ago.
    announced_days_ago(&app, c.id, 8).await;
    let moved = browser_as(&app, Role::Village, "op2001", None, Some(&village(0))).await;
    let still = browser_as(&app, Role::Village, "op2005", None, Some(&village(4))).await;
    let path = format!("/village/results/{}/appeal", c.id);
    let late = post_multipart(&moved, &path, &[("body", "Terlambat")], None).await;
    assert_eq!(late.status(), Status::Conflict, "v1's window has closed");

    swap_first_and_second(&app, &c, None).await;

    // 2001 dropped from Juara I to Juara II: a fresh window, said on its page.
    let page = body(
        moved
            .get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(page.contains("id=\"appeal-window\""), "{page}");
    assert!(page.contains("masa sanggah dibuka kembali"), "{page}");
    let resp = post_multipart(
        &moved,
        &path,
        &[("body", "Kami keberatan atas koreksi")],
        None,
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let filed = juara::db::results::appeals::for_nomination(&app.db, c.noms[0])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(filed.snapshot_version, 2, "appeals the corrected version");

    // 2005 kept its rank, score and prize: its window stays closed.
    let page = body(
        still
            .get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(!page.contains("dibuka kembali"));
    let resp = post_multipart(&still, &path, &[("body", "Ikut keberatan")], None).await;
    assert_eq!(resp.status(), Status::Conflict);
    assert_eq!(appeal_count(&app, c.noms[4]).await, 0);

    // The result is not final while the reopened window runs.
    let source = juara::db::competitions::find_by_id(&app.db, c.id.into())
        .await
        .unwrap()
        .unwrap();
    let state = juara::app::nomination::advance_rule::source_state(&app.db, &source)
        .await
        .unwrap();
    let v2 = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .unwrap()
        .unwrap();
    match state {
        juara::app::nomination::advance_rule::SourceState::AppealWindowOpen { until } => {
            assert_eq!(until, v2.announced_at + chrono::Duration::days(7));
        }
        other => panic!("expected an open window, got {other:?}"),
    }
}

#[rocket::async_test]
async fn each_window_takes_one_appeal_and_the_village_reopens_its_own_attachment() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let op = browser_as(&app, Role::Village, "op2001", None, Some(&village(0))).await;
    let path = format!("/village/results/{}/appeal", c.id);
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let resp = post_multipart(
        &op,
        &path,
        &[("body", "Nilai kami kurang")],
        Some(("file", "keberatan-desa.pdf", pdf)),
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let first = juara::db::results::appeals::for_nomination(&app.db, c.noms[0])
        .await
        .unwrap()
        .unwrap();

    // The protocol links the attachment under its own name; only this village opens it.
    let page = body(
        op.get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    let link = format!("/village/results/{}/appeals/{}/file", c.id, first.id);
    assert!(
        page.contains(&link) && page.contains("keberatan-desa.pdf"),
        "{page}"
    );
    let file = op.get(link.clone()).dispatch().await;
    assert_eq!(file.status(), Status::Ok);
    let disposition = file
        .headers()
        .get_one("Content-Disposition")
        .unwrap_or_default();
    assert!(disposition.contains("keberatan-desa.pdf"), "{disposition}");
    assert_eq!(file.into_bytes().await.unwrap_or_default(), pdf);
    let other = browser_as(&app, Role::Village, "op2003", None, Some(&village(2))).await;
    assert_eq!(other.get(link).dispatch().await.status(), Status::NotFound);

    // The committee rejects it; the window is used up.
    let reject = format!(
        "/admin/competitions/{}/results/appeals/{}/reject",
        c.id, first.id
    );
    let resp = app
        .post_form(&reject, &[("answer", "Nilai sudah sesuai")])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let again = post_multipart(&op, &path, &[("body", "Sekali lagi")], None).await;
    assert_eq!(again.status(), Status::Conflict);

    // A correction that moves the village opens a new window: one more appeal.
    swap_first_and_second(&app, &c, None).await;
    let resp = post_multipart(&op, &path, &[("body", "Koreksi merugikan kami")], None).await;
    assert_eq!(resp.status(), Status::SeeOther);
    let twice = post_multipart(&op, &path, &[("body", "Dan lagi")], None).await;
    assert_eq!(twice.status(), Status::Conflict);
    assert_eq!(appeal_count(&app, c.noms[0]).await, 2);
    let page = body(
        op.get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(page.contains("Nilai kami kurang") && page.contains("Koreksi merugikan kami"));
}

#[rocket::async_test]
async fn the_audit_trail_names_people_villages_and_every_change() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let op = browser_as(&app, Role::Village, "op2002", None, Some(&village(1))).await;
    let resp = post_multipart(
        &op,
        &format!("/village/results/{}/appeal", c.id),
        &[("body", "Nilai aspek A lapangan salah input")],
        None,
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let appeal = juara::db::results::appeals::for_nomination(&app.db, c.noms[1])
        .await
        .unwrap()
        .unwrap();
    swap_first_and_second(&app, &c, Some(appeal.id)).await;

    let events = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::CompetitionId.eq(c.id))
        .order_by_asc(entity::audit_event::Column::At)
        .all(&app.db)
        .await
        .unwrap();
    let of = |action: &str| -> Vec<&entity::audit_event::Model> {
        events.iter().filter(|e| e.action == action).collect()
    };
    let accepted = of("appeal.accepted");
    assert_eq!(accepted.len(), 1, "accepting an appeal is an event");
    assert_eq!(accepted[0].nomination_id, Some(c.noms[1]));
    assert_eq!(accepted[0].reason, "Salah input nilai lapangan");
    let corrected = of("results.corrected");
    assert_eq!(corrected.len(), 1);
    assert!(
        corrected[0].details.contains("menjawab sanggahan"),
        "{}",
        corrected[0].details
    );
    let moved = of("results.entry_changed");
    let details_of = |n: Uuid| {
        moved
            .iter()
            .find(|e| e.nomination_id == Some(n))
            .map(|e| e.details.clone())
            .unwrap_or_else(|| panic!("no change recorded for {n}: {moved:?}"))
    };
    assert!(details_of(c.noms[0]).contains("peringkat 1 → 2"));
    assert!(details_of(c.noms[0]).contains("hadiah Juara I → Juara II"));
    assert!(details_of(c.noms[1]).contains("peringkat 2 → 1"));
    assert_eq!(moved.len(), 2, "only the two villages that moved");

    // The committee's page says it in words: who, what, which village; no ids, no codes.
    let admin = entity::user::Entity::find_by_id(corrected[0].actor_id.unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let names = juara::db::villages::infos(&app.db, &[village(0).as_str()])
        .await
        .unwrap();
    let name_2001 = names[&village(0)].name.clone();
    let page = body(app.get(&format!("/admin/competitions/{}", c.id)).await).await;
    let start = page.find("id=\"audit\"").expect("audit table");
    let end = page[start..]
        .find("</table>")
        .map_or(page.len(), |e| start + e);
    let trail = &page[start..end];
    for words in [
        "Sanggahan diterima",
        "Hasil dikoreksi",
        "Kedudukan berubah karena koreksi",
        "Hasil diumumkan",
        admin.display_name.as_str(),
        name_2001.as_str(),
    ] {
        assert!(trail.contains(words), "{words} missing from {trail}");
    }
    assert!(!trail.contains("results.entry_changed") && !trail.contains("appeal.accepted"));
    assert!(
        !trail.contains(&c.noms[1].to_string()),
        "no ids in the trail"
    );

    // The nomination's own history lists the correction that moved it.
    let own = body(app.get(&format!("/admin/nominations/{}", c.noms[0])).await).await;
    assert!(own.contains("Kedudukan berubah karena koreksi"), "{own}");
    assert!(own.contains("peringkat 1 → 2"));
    assert!(
        !own.contains("Sanggahan diterima"),
        "another village's appeal is not here"
    );
    let theirs = body(app.get(&format!("/admin/nominations/{}", c.noms[1])).await).await;
    for words in [
        "Sanggahan diajukan",
        "Sanggahan diterima",
        "Nilai dikoreksi",
        "80.00 → 90.00",
    ] {
        assert!(theirs.contains(words), "{words} missing from {theirs}");
    }
}

#[rocket::async_test]
async fn the_appeal_migration_keeps_appeals_and_allows_one_per_version() {
    use migration::{Migrator, MigratorTrait};
    use sea_orm::{ConnectionTrait, Database};
    // On a private SQLite file, where the old rule was a table constraint the migration must
    // rebuild the table to drop (PostgreSQL drops it in place; the suite runs there too).
    let dir = tempfile::tempdir().expect("tempdir");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("m.db").display());
    let db = Database::connect(&url).await.expect("connect");
    let before = Migrator::migrations()
        .iter()
        .position(|m| m.name() == "m20261201_000201_appeal_per_window")
        .expect("the migration");
    Migrator::up(&db, Some(u32::try_from(before).unwrap()))
        .await
        .expect("up to the previous rule");
    db.execute_unprepared("PRAGMA foreign_keys = OFF")
        .await
        .expect("pragma");
    let (c, n) = (Uuid::new_v4(), Uuid::new_v4());
    let insert = |version: i32| {
        sea_orm::Statement::from_sql_and_values(
            db.get_database_backend(),
            "INSERT INTO appeal (id, competition_id, nomination_id, snapshot_version, body, \
             status, created_at) VALUES (?, ?, ?, ?, 'Keberatan', 'rejected', \
             '2026-11-30T10:00:00+07:00')",
            [Uuid::new_v4().into(), c.into(), n.into(), version.into()],
        )
    };
    db.execute_raw(insert(1)).await.expect("old row");
    assert!(
        db.execute_raw(insert(2)).await.is_err(),
        "before: one per village"
    );
    Migrator::up(&db, None).await.expect("migration");
    db.execute_unprepared("PRAGMA foreign_keys = OFF")
        .await
        .expect("pragma");
    let kept = entity::appeal::Entity::find().all(&db).await.expect("rows");
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].body, "Keberatan");
    assert!(db.execute_raw(insert(1)).await.is_err(), "one per version");
    db.execute_raw(insert(2)).await.expect("a second window");
}
