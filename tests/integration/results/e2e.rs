//! One competition from judged sheets to corrected, paid and advanced winners.

use juara::auth::Role;
use rocket::http::Status;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::Value;
use uuid::Uuid;

use super::{
    CASH_TOTAL, announce, browser_as, contest, correct_confirmed, json, lap_a_score,
    post_multipart, village,
};
use crate::common::builders::CompetitionBuilder;
use crate::common::{TestApp, body};

fn line(lines: &[Value], nomination: Uuid) -> &Value {
    lines
        .iter()
        .find(|l| l["nomination_id"] == nomination.to_string())
        .unwrap_or_else(|| panic!("no line for {nomination}"))
}

fn cash(l: &Value) -> i64 {
    l["prize"]["cash"].as_i64().unwrap_or(0)
}

#[rocket::async_test]
async fn a_whole_competition_from_sheets_to_advanced_winners() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;

    // Preview: ranking, tie-break, shared rank, shortlist, statistics, prizes to the rupiah.
    let page = body(
        app.get(&format!("/admin/competitions/{}/results", c.id))
            .await,
    )
    .await;
    assert!(
        page.contains("Nilai tahap LAP lebih tinggi"),
        "tie-break named"
    );
    assert!(page.contains("Rp100.000.000"));
    assert!(page.contains("Kendall W"));
    assert!(
        page.contains("id=\"outliers\""),
        "judge 3's sheet on 2012 is flagged"
    );
    let (status, preview) = json(&app.client, &format!("/api/v1/results/{}", c.id)).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(preview["preview"], true);
    let lines = preview["lines"].as_array().unwrap().clone();
    assert_eq!(
        lines.len(),
        12,
        "12 accepted entries, the rejected one is not judged"
    );
    let first = line(&lines, c.noms[0]);
    let second = line(&lines, c.noms[1]);
    assert_eq!(
        (first["rank"].as_u64(), second["rank"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(first["final_score"], "86", "scores are decimal strings");
    assert_eq!(second["final_score"], "86");
    assert_eq!(
        second["decided_by"],
        serde_json::json!({"kind": "stage_score", "stage": "LAP"})
    );
    let (third, fourth) = (line(&lines, c.noms[2]), line(&lines, c.noms[3]));
    assert_eq!(third["rank"], 3);
    assert_eq!(fourth["rank"], 3);
    assert_eq!(third["shared_rank"], true);
    assert_eq!(line(&lines, c.noms[4])["rank"], 5);
    assert_eq!(line(&lines, c.noms[5])["final_score"], "60.8");
    assert_eq!(line(&lines, c.noms[6])["eliminated_at"], "ADM");
    assert!(line(&lines, c.noms[6])["rank"].as_u64().unwrap() > 6);
    // Juara III + Harapan I pooled (75.000.001) split between the shared rank to the rupiah.
    let mut split = [cash(third), cash(fourth)];
    split.sort_unstable();
    assert_eq!(split, [37_500_000, 37_500_001]);
    assert_eq!(cash(first), 100_000_000);
    assert_eq!(first["prize"]["assistance"], 50_000_000);
    assert_eq!(cash(line(&lines, c.noms[4])), 10_000_000);
    assert_eq!(preview["totals"]["cash"], CASH_TOTAL);

    // Not public before the announcement.
    let anon = app.new_browser().await;
    assert_eq!(
        anon.get(format!("/results/{}", c.id))
            .dispatch()
            .await
            .status(),
        Status::NotFound
    );

    // Announce: refused without the plenary minutes, then frozen as version 1.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/announce", c.id),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    announce(&app, &c).await;
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(comp.status, entity::CompetitionStatus::Announced);
    let v1 = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v1.version, 1);
    assert_eq!(v1.hash_scheme, juara::results::verify::HASH_SCHEME);
    assert!(juara::app::results::snapshot::hash_matches(&v1));
    let audited = entity::audit_event::Entity::find()
        .filter(entity::audit_event::Column::Action.eq("results.announced"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
    // A second announcement is refused.
    let again = app
        .post_form(
            &format!("/admin/competitions/{}/results/announce", c.id),
            &[],
        )
        .await;
    assert_eq!(again.status(), Status::UnprocessableEntity);

    // Public pages: the winners with kecamatan, kabupaten, prizes and the hash.
    let public = body(anon.get(format!("/results/{}", c.id)).dispatch().await).await;
    assert!(public.contains(&v1.content_hash));
    assert!(public.contains("Bakalankrapyak") && public.contains("Kabupaten Kudus"));
    assert!(public.contains("Rp100.000.000"));
    // Entries cut by the documents shortlist show where they stopped, not a final of 0.
    assert!(public.contains("gugur di tahap ADM"), "{public}");
    assert!(!public.contains("<td class=\"final num\">0,00</td>"));
    let list = body(anon.get("/results?year=2026&region=33.19").dispatch().await).await;
    assert!(list.contains("Lomba Desa Kabupaten Kudus 2026"));
    let none = body(anon.get("/results?year=2025").dispatch().await).await;
    assert!(!none.contains("Lomba Desa Kabupaten Kudus 2026"));

    // The village reads its protocol: rank, stages, criteria, anonymous judges.
    let v2001 = browser_as(&app, Role::Village, "op2001", None, Some(&village(0))).await;
    let protocol = body(
        v2001
            .get(format!("/village/results/{}", c.id))
            .dispatch()
            .await,
    )
    .await;
    assert!(protocol.contains("id=\"my-rank\">1<"), "rank 1 shown");
    assert!(
        protocol.contains("Juri ") && protocol.contains("Aspek A"),
        "{protocol}"
    );
    assert!(protocol.contains("Tahap LAP"));
    assert!(!protocol.contains("juri1"), "judges are anonymous");

    // Village 2002 appeals; prizes cannot be paid while it is open.
    let v2002 = browser_as(&app, Role::Village, "op2002", None, Some(&village(1))).await;
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
    let resp = post_multipart(
        &v2002,
        &format!("/village/results/{}/appeal", c.id),
        &[("body", "Nilai aspek A lapangan salah input")],
        Some(("file", "bukti.pdf", pdf)),
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let twice = post_multipart(
        &v2002,
        &format!("/village/results/{}/appeal", c.id),
        &[("body", "lagi")],
        None,
    )
    .await;
    assert_eq!(twice.status(), Status::Conflict, "one appeal per village");
    let appeal = juara::db::results::appeals::for_nomination(&app.db, c.noms[1])
        .await
        .unwrap()
        .unwrap();
    assert!(appeal.attachment_sha256.is_some());
    let pay = app
        .post_form(
            &format!("/admin/competitions/{}/results/disbursements", c.id),
            &[
                ("nomination", &c.noms[0].to_string()),
                ("kind", "cash"),
                ("amount", "100000000"),
                ("account", "BPD 123"),
                ("reference", "TRX-1"),
                ("paid_on", "2026-11-25"),
            ],
        )
        .await;
    assert_eq!(pay.status(), Status::Conflict);

    // Accepted with a correction: J1's field score on aspect A for 2002 was 80, is 90.
    let score = lap_a_score(&app, &c, 1).await;
    let path = format!("/admin/competitions/{}/results/correct", c.id);
    let field = format!("values[{score}]");
    let no_reason = app
        .post_form(
            &path,
            &[
                ("nomination", &c.noms[1].to_string()),
                ("appeal", &appeal.id.to_string()),
                (&field, "90"),
            ],
        )
        .await;
    assert_eq!(no_reason.status(), Status::UnprocessableEntity);
    let unchanged = entity::score::Entity::find_by_id(score)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        unchanged.value,
        Some(800_000),
        "a refused correction changes nothing"
    );
    // The correction names its change and is previewed before it is confirmed.
    let resp = correct_confirmed(
        &app,
        &c,
        &[
            ("nomination", &c.noms[1].to_string()),
            ("appeal", &appeal.id.to_string()),
            (&field, "90"),
            ("reason", "Sanggahan diterima: salah input nilai"),
        ],
    )
    .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let v2 = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v2.version, 2);
    assert_eq!(v2.reason, "Sanggahan diterima: salah input nilai");
    assert_ne!(v2.content_hash, v1.content_hash);
    let old = juara::db::results::snapshots::version(&app.db, c.id, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(old.status, entity::SnapshotStatus::Superseded);
    assert_eq!(old.outputs, v1.outputs, "version 1 is untouched");
    let answered = juara::db::results::appeals::for_nomination(&app.db, c.noms[1])
        .await
        .unwrap()
        .unwrap();
    assert_eq!(answered.status, entity::AppealStatus::Accepted);

    // 2002: field (85 + 80) / 2 = 82.5, final 38 + 49.5 = 87.5: now first.
    let (_, published) = json(&anon, &format!("/api/v1/results/{}", c.id)).await;
    assert_eq!(published["version"], 2);
    let lines = published["lines"].as_array().unwrap().clone();
    assert_eq!(line(&lines, c.noms[1])["rank"], 1);
    assert_eq!(line(&lines, c.noms[1])["final_score"], "87.5");
    assert_eq!(line(&lines, c.noms[0])["rank"], 2);
    let old_page = body(anon.get(format!("/results/{}/v/1", c.id)).dispatch().await).await;
    assert!(old_page.contains(&v1.content_hash));
    let (_, snaps) = json(&anon, &format!("/api/v1/results/{}/snapshots", c.id)).await;
    assert_eq!(snaps["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(snaps["total"], 2, "paged like every list");
    let current = body(anon.get(format!("/results/{}", c.id)).dispatch().await).await;
    assert!(current.contains("Sanggahan diterima"));

    // With no appeal open, the transfer is recorded.
    let pay = app
        .post_form(
            &format!("/admin/competitions/{}/results/disbursements", c.id),
            &[
                ("nomination", &c.noms[1].to_string()),
                ("kind", "cash"),
                ("amount", "100.000.000"),
                ("account", "BPD 123"),
                ("reference", "TRX-1"),
                ("paid_on", &super::advancement::today()),
            ],
        )
        .await;
    assert_eq!(pay.status(), Status::SeeOther);
    let prizes = body(
        app.get(&format!("/admin/competitions/{}/results/prizes", c.id))
            .await,
    )
    .await;
    assert!(prizes.contains("id=\"total-paid\">Rp100.000.000<"));

    // Advance the top 2 into the provincial competition.
    let above = CompetitionBuilder::new("Lomba Desa Provinsi Jawa Tengah")
        .level("provinsi", Some("33"))
        .insert(&app.db)
        .await;
    let page = body(
        app.get(&format!("/admin/competitions/{}/results", c.id))
            .await,
    )
    .await;
    assert!(
        page.contains(&format!("<option value=\"{}\">", above.id)),
        "offered as target"
    );
    let form = body(
        app.get(&format!("/admin/competitions/{}/results/correct", c.id))
            .await,
    )
    .await;
    assert!(
        form.contains(&format!("<option value=\"{}\"", c.noms[1])),
        "villages to correct"
    );
    // Advancement waits for the appeal window (7 days) to close.
    super::advancement::announced_days_ago(&app, c.id, 8).await;
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/advance", c.id),
            &[("target", &above.id.to_string()), ("top", "2")],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let advanced: Vec<String> = entity::nomination::Entity::find()
        .filter(entity::nomination::Column::CompetitionId.eq(above.id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.village_code)
        .collect();
    let mut advanced = advanced;
    advanced.sort();
    assert_eq!(advanced, vec![village(0), village(1)]);
}

#[rocket::async_test]
async fn corrections_need_an_announcement_and_scores_are_locked_after_it() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    let score = lap_a_score(&app, &c, 1).await;
    let field = format!("values[{score}]");
    // Before the announcement there is nothing to correct.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/correct", c.id),
            &[
                ("nomination", &c.noms[1].to_string()),
                (&field, "90"),
                ("reason", "coba"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let stored = entity::score::Entity::find_by_id(score)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.value, Some(800_000));
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(!juara::app::results::announce::scores_locked(&comp));
    announce(&app, &c).await;
    let comp = entity::competition::Entity::find_by_id(c.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(juara::app::results::announce::scores_locked(&comp));
    // The database itself refuses score changes now, whatever code path tries them.
    let row = entity::score::Entity::find_by_id(score)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut edit: entity::score::ActiveModel = row.clone().into();
    edit.value = Set(Some(900_000));
    assert!(edit.update(&app.db).await.is_err(), "update refused");
    let extra = entity::score::ActiveModel {
        id: Set(uuid::Uuid::new_v4()),
        sheet_id: Set(row.sheet_id),
        criterion_id: Set(row.criterion_id),
        value: Set(Some(10_000)),
        not_applicable: Set(false),
        comment: Set(String::new()),
    };
    assert!(extra.insert(&app.db).await.is_err(), "insert refused");
    let gone = entity::score::Entity::delete_by_id(score)
        .exec(&app.db)
        .await;
    assert!(gone.is_err(), "delete refused");
    // An out-of-scale corrected value is refused by the engine and rolled back.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/results/correct", c.id),
            &[
                ("nomination", &c.noms[1].to_string()),
                (&field, "150"),
                ("reason", "salah"),
            ],
        )
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let stored = entity::score::Entity::find_by_id(score)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.value, Some(800_000), "rolled back");
    let versions = juara::db::results::snapshots::list(&app.db, c.id)
        .await
        .unwrap();
    assert_eq!(versions.len(), 1);
    // The lifecycle page cannot announce past the results pages.
    let resp = app
        .post_form(
            &format!("/admin/competitions/{}/status", c.id),
            &[("to", "announced")],
        )
        .await;
    assert_eq!(resp.status(), Status::Conflict);
}
