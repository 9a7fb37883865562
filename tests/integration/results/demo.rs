//! `juara demo` on an empty database: an announced competition with every screen populated.

use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::json;
use crate::common::{TestApp, body};

/// The demo loaded into `app`'s empty database, and its announced competition.
async fn loaded(app: &TestApp) -> (juara::demo::DemoReport, entity::competition::Model) {
    let report = juara::demo::load(&app.db).await.expect("demo loads");
    let c = entity::competition::Entity::find_by_id(report.competition_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    (report, c)
}

#[rocket::async_test]
async fn the_demo_loads_an_announced_competition_once() {
    let app = TestApp::new().await;
    let (report, c) = loaded(&app).await;
    assert_eq!(c.status, entity::CompetitionStatus::Announced);
    assert_eq!(report.accounts.len(), 6);
    let (status, published) = json(&app.client, &format!("/api/v1/results/{}", c.id)).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(published["content_hash"], report.content_hash.as_str());
    let lines = published["lines"].as_array().unwrap();
    assert_eq!(
        lines.len(),
        12,
        "everyone ranked: nobody incomplete despite the conflict"
    );
    let finalists = lines
        .iter()
        .filter(|l| l["eliminated_at"].is_null())
        .count();
    assert_eq!(finalists, 6, "the documents stage shortlist");
    assert!(lines.iter().filter(|l| !l["prize"].is_null()).count() >= 6);
    let page = body(app.get(&format!("/results/{}", c.id)).await).await;
    assert!(page.contains(&report.content_hash));
    // Every sheet counted: no judge left an entrant unscored except the declared conflict.
    let stages: Vec<uuid::Uuid> = entity::stage::Entity::find()
        .filter(entity::stage::Column::CompetitionId.eq(c.id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.id)
        .collect();
    let sheets = entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::StageId.is_in(stages))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(sheets, (12 * 4 - 1) + 2 * (6 * 4 - 1));
    judging_example_gives_judges_work(&app, report.judging_competition_id).await;
    // Judge 1 finds the work on their dashboard (no home region, so no automatic conflict).
    let (_, secret, _) = report
        .accounts
        .iter()
        .find(|(u, _, _)| u == "demo-juri-1")
        .unwrap();
    assert_eq!(app.login("demo-juri-1", secret).await, Status::SeeOther);
    let list = body(app.get("/judge/sheets").await).await;
    assert!(list.contains("/judge/sheets/"), "{list}");
    assert!(
        juara::demo::load(&app.db).await.is_err(),
        "only into an empty database"
    );
}

/// The second competition is mid-judging: three judges each hold one sheet per entrant (the
/// conflicted fourth judge is not on its panel), and judge 1 has one draft.
async fn judging_example_gives_judges_work(app: &TestApp, id: uuid::Uuid) {
    let c = entity::competition::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.status, entity::CompetitionStatus::Judging);
    let sheets = entity::score_sheet::Entity::find()
        .filter(entity::score_sheet::Column::Status.ne("submitted"))
        .all(&app.db)
        .await
        .unwrap();
    let entrants = juara::db::competitions::count_nominations(&app.db, id.into())
        .await
        .unwrap();
    let entrants = usize::try_from(entrants).unwrap();
    assert!(entrants >= 3);
    assert_eq!(sheets.len(), entrants * 3);
    assert_eq!(
        sheets
            .iter()
            .filter(|s| s.status == entity::SheetStatus::Draft)
            .count(),
        1
    );
    let judge = juara::db::users::find_by_username(&app.db, "demo-juri-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        sheets.iter().filter(|s| s.judge_id == judge.id).count(),
        entrants
    );
    let conflicted = juara::db::users::find_by_username(&app.db, "demo-juri-4")
        .await
        .unwrap()
        .unwrap();
    assert!(sheets.iter().all(|s| s.judge_id != conflicted.id));
    // Its presentation order is drawn and scheduled: the public schedule shows every entrant.
    let schedule = body(app.get("/presentations").await).await;
    assert!(schedule.contains(&c.name), "{schedule}");
    let order = schedule
        .split(r#"<ol class="order">"#)
        .nth(1)
        .and_then(|rest| rest.split("</ol>").next())
        .expect("an order list");
    assert_eq!(order.matches("<li").count(), entrants);
    // The demo runs in Kalimantan Timur (the fixture's province with most kabupaten): WITA.
    assert!(
        schedule.contains("pukul 08.30 WITA"),
        "second slot 30 minutes after the first, in the competition's zone: {order}"
    );
}

/// The demo's ledger reconciles: every transfer, net of its reversal, adds up to what the
/// prize page and the auditor's summary say was paid, and due − paid = to pay − to recover.
#[rocket::async_test]
async fn an_auditor_reconciles_the_demo_ledger() {
    use juara_domain::Rupiah;
    let app = TestApp::new().await;
    let (report, c) = loaded(&app).await;
    let ledger = juara::app::results::ledger::load(&app.db, &c)
        .await
        .unwrap()
        .expect("announced");
    assert_eq!(ledger.payments.len(), 4, "three transfers and one voided");
    let voided: Vec<_> = ledger
        .payments
        .iter()
        .filter(|p| p.reversal.is_some())
        .collect();
    assert_eq!(voided.len(), 1);
    let net: i64 = ledger
        .payments
        .iter()
        .filter(|p| p.reversal.is_none())
        .map(|p| p.record.amount)
        .sum();
    let published = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .unwrap()
        .and_then(|s| juara::db::results::snapshots::published(&s))
        .unwrap();
    let winners: Vec<_> = published
        .winners()
        .filter_map(|l| l.prize.clone())
        .collect();
    let expected = winners[0].cash + winners[0].assistance + winners[1].cash;
    assert_eq!(net, expected);
    let t = ledger.totals;
    assert_eq!(t.paid, Rupiah::new(expected));
    assert_eq!(
        t.due.amount() - t.paid.amount(),
        t.to_pay.amount() - t.to_recover.amount()
    );
    assert_eq!(t.to_recover, Rupiah::new(0));

    // The committee's page and the auditor's files say the same.
    let (_, secret, _) = report
        .accounts
        .iter()
        .find(|(u, _, _)| u == "demo-panitia")
        .unwrap();
    assert_eq!(app.login("demo-panitia", secret).await, Status::SeeOther);
    let page = body(
        app.get(&format!("/admin/competitions/{}/results/prizes", c.id))
            .await,
    )
    .await;
    assert!(
        page.contains(&format!("id=\"total-paid\">{}<", Rupiah::new(expected))),
        "{page}"
    );
    assert!(
        page.contains("Salah ketik nominal"),
        "the reversal's reason"
    );
    for file in ["ledger.xlsx", "ledger.pdf"] {
        let resp = app
            .get(&format!("/admin/competitions/{}/results/{file}", c.id))
            .await;
        assert_eq!(resp.status(), Status::Ok, "{file}");
    }
}
