//! Automatic and manual assignment: balance, conflicts (declared and home region), seeds.

use std::collections::BTreeMap;

use entity::score_sheet;
use juara::app::judging::assign;
use juara::auth::Role;
use juara::db::judging::{conflicts, panels};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

use super::{Fixture, pairs, post};

async fn sheets(f: &Fixture) -> Vec<score_sheet::Model> {
    score_sheet::Entity::find()
        .filter(score_sheet::Column::StageId.eq(f.stage.id))
        .all(&f.app.db)
        .await
        .unwrap()
}

/// Four judges: one living in village 33.19.02.2002 (entry 4), one declaring the kecamatan
/// 33.19.02 (entries 4 and 5).
async fn panel(f: &Fixture) -> Vec<Uuid> {
    let local = f.judge("juri_desa", Some("33.19.02.2002")).await;
    let declared = f.judge("juri_kota", Some("64.72")).await;
    let j3 = f.judge("juri_tiga", None).await;
    let j4 = f.judge("juri_empat", Some("64.02")).await;
    juara::app::judging::conflicts::declare(
        &f.app.db,
        (declared.id, "33.19.02"),
        "Saudara kandung kepala desa",
        declared.id,
        None,
    )
    .await
    .unwrap()
    .unwrap();
    let ids = vec![local.id, declared.id, j3.id, j4.id];
    for id in &ids {
        panels::upsert(&f.app.db, f.stage.id, *id, (&[], false))
            .await
            .unwrap();
    }
    ids
}

#[rocket::async_test]
async fn auto_assign_balances_and_never_assigns_a_conflict() {
    let f = Fixture::new().await;
    let judges = panel(&f).await;
    f.app.login_as(Role::Admin).await;
    let path = format!(
        "/admin/competitions/{}/judging/{}/assign/auto",
        f.competition.id, f.stage.id
    );
    let resp = f.app.post_form(&path, &[("seed", "2026")]).await;
    assert_eq!(resp.status(), rocket::http::Status::SeeOther);
    let rows = sheets(&f).await;
    // 6 entries × 2 judges = 12 sheets over 4 judges: exactly 3 each.
    assert_eq!(rows.len(), 12);
    let mut load: BTreeMap<Uuid, usize> = BTreeMap::new();
    for r in &rows {
        *load.entry(r.judge_id).or_default() += 1;
        let n = f.entries.iter().find(|e| e.id == r.nomination_id).unwrap();
        assert!(
            !conflicts::in_conflict(&f.app.db, r.judge_id, &n.village_code)
                .await
                .unwrap(),
            "conflicted judge assigned to {}",
            n.village_code
        );
    }
    assert_eq!(load.len(), judges.len());
    assert!(load.values().all(|&l| l == 3), "{load:?}");
    for e in &f.entries {
        assert_eq!(rows.iter().filter(|r| r.nomination_id == e.id).count(), 2);
    }
    // The same seed reproduces the same assignment.
    let before: Vec<(Uuid, Uuid)> = {
        let mut v: Vec<_> = rows.iter().map(|r| (r.nomination_id, r.judge_id)).collect();
        v.sort();
        v
    };
    f.app.post_form(&path, &[("seed", "2026")]).await;
    let mut again: Vec<_> = sheets(&f)
        .await
        .iter()
        .map(|r| (r.nomination_id, r.judge_id))
        .collect();
    again.sort();
    assert_eq!(before, again);
    // An audit event records the seed.
    let events = juara::db::audit::list_for_competition(&f.app.db, f.competition.id)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .any(|e| e.action == "judging.auto_assigned" && e.details.contains("seed 2026"))
    );
}

#[rocket::async_test]
async fn impossible_assignment_is_refused_and_nothing_is_written() {
    let f = Fixture::new().await;
    // Two judges both living in Kudus: nobody can judge anything.
    for name in ["juri_a", "juri_b"] {
        let j = f.judge(name, Some("33.19")).await;
        panels::upsert(&f.app.db, f.stage.id, j.id, (&[], false))
            .await
            .unwrap();
    }
    let result = assign::auto_assign(&f.app.db, &f.stage, 1, Uuid::new_v4())
        .await
        .unwrap();
    let Err(assign::Refusal::TooFewWithoutConflict { entries, needed }) = result else {
        panic!("a conflict refusal, got {result:?}");
    };
    assert_eq!(needed, 2);
    assert_eq!(entries.len(), 6, "every entry is named");
    assert_eq!(
        entries[0],
        ("Bakalankrapyak, Kaliwungu, Kabupaten Kudus".to_owned(), 0)
    );
    assert!(sheets(&f).await.is_empty());
    // Without a panel at all.
    let f2 = Fixture::new().await;
    let r = assign::auto_assign(&f2.app.db, &f2.stage, 1, Uuid::new_v4())
        .await
        .unwrap();
    assert_eq!(r, Err(assign::Refusal::NoPanel));
}

#[rocket::async_test]
async fn manual_assignment_refuses_conflicts_and_duplicates() {
    let f = Fixture::new().await;
    let local = f.judge("juri_kaliwungu", Some("33.19.01")).await;
    let other = f.judge("juri_luar", Some("64.72")).await;
    f.app.login_as(Role::Admin).await;
    let path = format!(
        "/admin/competitions/{}/judging/{}/assign",
        f.competition.id, f.stage.id
    );
    // Entry 0 lies in Kaliwungu: the local judge is refused.
    let fields = [
        ("nomination_id", f.entries[0].id.to_string()),
        ("judge_id", local.id.to_string()),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    f.app.post_form(&path, &fields).await;
    assert!(sheets(&f).await.is_empty(), "conflict refused");
    let ok = [
        ("nomination_id", f.entries[0].id.to_string()),
        ("judge_id", other.id.to_string()),
    ];
    let ok: Vec<(&str, &str)> = ok.iter().map(|(k, v)| (*k, v.as_str())).collect();
    f.app.post_form(&path, &ok).await;
    f.app.post_form(&path, &ok).await;
    assert_eq!(
        sheets(&f).await.len(),
        1,
        "assigned once, duplicate refused"
    );
    // Automatic assignment refuses to discard work once a sheet was saved.
    let sheet = sheets(&f).await.remove(0);
    let judge = f.browser(&other).await;
    post(
        &judge,
        &format!("/judge/sheets/{}", sheet.id),
        &f.form(0, "save", &[(0, "3", false)]),
    )
    .await;
    panels::upsert(&f.app.db, f.stage.id, other.id, (&[], false))
        .await
        .unwrap();
    let r = assign::auto_assign(&f.app.db, &f.stage, 1, Uuid::new_v4())
        .await
        .unwrap();
    assert_eq!(r, Err(assign::Refusal::AlreadyStarted));
}

#[rocket::async_test]
async fn presentation_draw_is_recorded_reproducible_and_done_once() {
    let f = Fixture::new().await;
    f.app.login_as(Role::Admin).await;
    let path = format!(
        "/admin/competitions/{}/judging/{}/draw",
        f.competition.id, f.stage.id
    );
    f.app.post_form(&path, &[("seed", "77")]).await;
    let slots = juara::db::judging::draw::slots(&f.app.db, f.stage.id)
        .await
        .unwrap();
    assert_eq!(slots.len(), f.entries.len());
    let ids: Vec<_> = f
        .entries
        .iter()
        .map(|e| juara::domain::EntryId(e.id.as_u128()))
        .collect();
    let expected = juara::domain::assignment::draw_order(&ids, 77);
    let got: Vec<_> = slots
        .iter()
        .map(|s| juara::domain::EntryId(s.nomination_id.as_u128()))
        .collect();
    assert_eq!(got, expected);
    // A second draw is refused: the order stays.
    f.app.post_form(&path, &[("seed", "78")]).await;
    let again = juara::db::judging::draw::slots(&f.app.db, f.stage.id)
        .await
        .unwrap();
    assert_eq!(again, slots);
    let page = crate::common::body(
        f.app
            .get(&format!(
                "/admin/competitions/{}/judging/{}",
                f.competition.id, f.stage.id
            ))
            .await,
    )
    .await;
    assert!(page.contains("77"), "seed shown");
    // Judges see the drawn order on their sheets.
    let judge = f.judge("juri_paparan", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let html = crate::common::body(
        client
            .get(format!("/judge/sheets/{}", sheet.id))
            .dispatch()
            .await,
    )
    .await;
    let position = slots
        .iter()
        .find(|s| s.nomination_id == f.entries[0].id)
        .unwrap()
        .position;
    assert!(
        html.contains(&format!("urutan ke-{position}")),
        "own position shown"
    );
}

#[rocket::async_test]
async fn judge_declares_a_conflict_and_the_entry_disappears() {
    let f = Fixture::new().await;
    let judge = f.judge("juri_jujur", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let page = crate::common::body(client.get("/judge/conflicts").dispatch().await).await;
    assert!(page.contains("64.72"), "home region shown");
    // An unknown region is refused.
    post(
        &client,
        "/judge/conflicts",
        &pairs(&[("region_code", "99.99"), ("reason", "x")]),
    )
    .await;
    assert!(
        conflicts::list_for_judge(&f.app.db, judge.id)
            .await
            .unwrap()
            .is_empty()
    );
    post(
        &client,
        "/judge/conflicts",
        &pairs(&[
            ("region_code", "33.19.01.2001"),
            ("reason", "Istri berasal dari desa ini"),
        ]),
    )
    .await;
    let list = conflicts::list_for_judge(&f.app.db, judge.id)
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].declared_by, Some(judge.id));
    let status = client
        .get(format!("/judge/sheets/{}", sheet.id))
        .dispatch()
        .await
        .status();
    assert_eq!(status, rocket::http::Status::NotFound);
    // The committee sees it and can remove it.
    f.app.login_as(Role::Admin).await;
    let page = crate::common::body(f.app.get("/admin/conflicts").await).await;
    assert!(page.contains("Istri berasal dari desa ini"));
    let (jid, cid) = (judge.id.to_string(), list[0].id.to_string());
    f.app
        .post_form(
            "/admin/conflicts/remove",
            &[("judge_id", &jid), ("id", &cid)],
        )
        .await;
    assert!(
        conflicts::list_for_judge(&f.app.db, judge.id)
            .await
            .unwrap()
            .is_empty()
    );
}

#[rocket::async_test]
async fn committee_pages_render_and_respect_the_admin_scope() {
    let f = Fixture::new().await;
    let j = f.judge("juri_panel", Some("64.72")).await;
    f.app.login_as(Role::Admin).await;
    let base = format!("/admin/competitions/{}/judging", f.competition.id);
    let overview = crate::common::body(f.app.get(&base).await).await;
    assert!(overview.contains("VL"));
    // Panel builder with an aspect limit.
    let aspect = f.aspect_b.id.to_string();
    let jid = j.id.to_string();
    f.app
        .post_form(
            &format!("{base}/{}/panel", f.stage.id),
            &[("judge_id", &jid), ("aspects", &aspect)],
        )
        .await;
    let row = panels::find(&f.app.db, f.stage.id, j.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.aspects, vec![f.aspect_b.id]);
    let page = crate::common::body(f.app.get(&format!("{base}/{}", f.stage.id)).await).await;
    assert!(page.contains("Pengguna juri_panel") && page.contains("B Kriteria B"));
    // An admin of another province sees nothing.
    let other = f.app.new_browser().await;
    f.app
        .create_user(Role::Admin, "panitia_kaltim", Some("64"), None)
        .await;
    super::login(&other, "panitia_kaltim").await;
    let status = other
        .get(format!("{base}/{}", f.stage.id))
        .dispatch()
        .await
        .status();
    assert_eq!(status, rocket::http::Status::NotFound);
    let status = other.get(base).dispatch().await.status();
    assert_eq!(status, rocket::http::Status::NotFound);
}

#[rocket::async_test]
async fn partial_panels_are_assigned_per_sub_panel() {
    let f = Fixture::new().await;
    let mut full = Vec::new();
    let mut health = Vec::new();
    for i in 0..2 {
        let j = f.judge(&format!("juri_umum_{i}"), Some("64.72")).await;
        panels::upsert(&f.app.db, f.stage.id, j.id, (&[], false))
            .await
            .unwrap();
        full.push(j.id);
        let h = f.judge(&format!("juri_dinkes_{i}"), Some("64.72")).await;
        panels::upsert(&f.app.db, f.stage.id, h.id, (&[f.aspect_b.id], false))
            .await
            .unwrap();
        health.push(h.id);
    }
    let mut stage = f.stage.clone();
    stage.judges_per_entry = 1;
    let made = assign::auto_assign(&f.app.db, &stage, 9, Uuid::new_v4())
        .await
        .unwrap();
    assert_eq!(made, Ok(12));
    let rows = sheets(&f).await;
    for e in &f.entries {
        let judges: Vec<Uuid> = rows
            .iter()
            .filter(|r| r.nomination_id == e.id)
            .map(|r| r.judge_id)
            .collect();
        assert_eq!(judges.iter().filter(|j| full.contains(j)).count(), 1);
        assert_eq!(judges.iter().filter(|j| health.contains(j)).count(), 1);
    }
}

/// The refusal the committee reads on the stage page after an automatic assignment.
async fn auto_refusal(f: &Fixture) -> String {
    f.app.login_as(Role::Admin).await;
    let base = format!(
        "/admin/competitions/{}/judging/{}",
        f.competition.id, f.stage.id
    );
    let resp = f
        .app
        .post_form(&format!("{base}/assign/auto"), &[("seed", "1")])
        .await;
    assert_eq!(resp.status(), rocket::http::Status::SeeOther);
    let page = crate::common::body(f.app.get(&base).await).await;
    let start = page.find("flash flash-error").expect("a refusal");
    let end = start + page[start..].find("</div>").expect("its end");
    page[start..end].to_owned()
}

#[rocket::async_test]
async fn a_panel_smaller_than_the_judges_per_entry_is_named_as_such_not_as_a_conflict() {
    let f = Fixture::new().await;
    // One judge from elsewhere, no conflict at all; the stage asks for two per entry.
    let j = f.judge("juri_sendiri", Some("64.02")).await;
    panels::upsert(&f.app.db, f.stage.id, j.id, (&[], false))
        .await
        .unwrap();
    let page = auto_refusal(&f).await;
    assert!(
        page.contains(
            "Tim penilai tahap ini hanya 1 juri, padahal tahap ini meminta 2 juri per peserta"
        ),
        "{page}"
    );
    assert!(
        !page.contains("konflik kepentingan"),
        "no conflict is blamed"
    );
    assert!(sheets(&f).await.is_empty());
}

#[rocket::async_test]
async fn conflicts_that_leave_entries_short_name_those_villages() {
    let f = Fixture::new().await;
    // Two judges: one from elsewhere, one living in Kota Kudus (entries 4 and 5).
    let far = f.judge("juri_jauh", Some("64.02")).await;
    let near = f.judge("juri_kota_kudus", Some("33.19.02")).await;
    for id in [far.id, near.id] {
        panels::upsert(&f.app.db, f.stage.id, id, (&[], false))
            .await
            .unwrap();
    }
    let page = auto_refusal(&f).await;
    assert!(
        page.contains("tidak punya 2 juri tanpa konflik kepentingan"),
        "{page}"
    );
    assert!(page.contains("Janggalan, Kota Kudus, Kabupaten Kudus (1 juri tanpa konflik)"));
    assert!(page.contains("Demangan, Kota Kudus, Kabupaten Kudus (1 juri tanpa konflik)"));
    assert!(
        !page.contains("Bakalankrapyak"),
        "entries with enough judges are not listed"
    );
    assert!(sheets(&f).await.is_empty());
}
