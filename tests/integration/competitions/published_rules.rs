//! Published rules with versions (issue 17): opening publishes version 1 with its hash; each
//! later change that moves the rules needs a reason and makes the next version, recorded in
//! the change's transaction (a refusal leaves both the set-up and the versions as they were);
//! the public page and its JSON twin show the rules in force and what changed; villages that
//! entered see a notice; a version's canonical text hashes to the published hash.

use entity::rules_version;
use rocket::http::Status;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use sha2::{Digest, Sha256};

use super::lifecycle::edit_form;
use super::*;
use crate::common::body;

async fn versions(app: &TestApp, id: Uuid) -> Vec<rules_version::Model> {
    rules_version::Entity::find()
        .filter(rules_version::Column::CompetitionId.eq(id))
        .order_by_asc(rules_version::Column::Number)
        .all(&app.db)
        .await
        .unwrap()
}

fn prize_form<'a>(p: &prize_tier::Model, cash: &'a str, reason: &'a str) -> Vec<(&'a str, String)> {
    let mut form = vec![
        ("label", p.label.clone()),
        ("cash", cash.to_owned()),
        ("assistance", p.assistance.to_string()),
        ("reason", reason.to_owned()),
    ];
    if p.trophy {
        form.push(("trophy", "on".into()));
    }
    if p.certificate {
        form.push(("certificate", "on".into()));
    }
    form
}

async fn post(app: &TestApp, path: &str, form: &[(&str, String)]) -> (Status, String) {
    let fields: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let resp = app.post_form(path, &fields).await;
    let status = resp.status();
    (status, body(resp).await)
}

#[rocket::async_test]
async fn opening_publishes_version_one_and_each_later_change_needs_a_reason() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    let anonymous = app.new_browser().await;
    let public = format!("/competitions/{id}/rules");
    assert_eq!(
        anonymous.get(public.as_str()).dispatch().await.status(),
        Status::NotFound,
        "a draft has no published rules"
    );
    // Before opening, rules change freely and make no version.
    let p = prizes(&app, id).await;
    let path = format!("/admin/competitions/{id}/prizes/{}", p[0].id);
    let (status, html) = post(&app, &path, &prize_form(&p[0], "14000000", "")).await;
    let at = html.find("field-error").unwrap_or(0);
    assert_eq!(
        status,
        Status::SeeOther,
        "{}",
        &html[at.saturating_sub(300)..(at + 300).min(html.len())]
    );
    assert!(versions(&app, id).await.is_empty());

    assert_eq!(transition(&app, id, "open").await, Status::SeeOther);
    let v = versions(&app, id).await;
    assert_eq!(v.len(), 1, "opening publishes version 1");
    let book = juara::app::competition::published::current_book(&app.db, id)
        .await
        .unwrap();
    assert_eq!(v[0].hash, book.hash(), "the stored hash is the rules' hash");

    // A prize amount changed without a reason: refused next to the field, nothing stored.
    let (status, html) = post(&app, &path, &prize_form(&p[0], "14.500.000", "")).await;
    assert_eq!(status, Status::UnprocessableEntity);
    assert!(html.contains("tuliskan alasan perubahan ini"), "{html}");
    assert!(
        html.contains("err-reason"),
        "the error sits at the reason field"
    );
    assert!(html.contains("14.500.000"), "what was typed is kept");
    assert_eq!(prizes(&app, id).await[0].cash, 14_000_000);
    assert_eq!(versions(&app, id).await.len(), 1);

    let reason = "Tambahan anggaran dari APBD perubahan";
    let (status, _) = post(&app, &path, &prize_form(&p[0], "14.500.000", reason)).await;
    assert_eq!(status, Status::SeeOther);
    let v = versions(&app, id).await;
    assert_eq!((v.len(), v[1].number, v[1].reason.as_str()), (2, 2, reason));
    assert!(
        audit(&app, id)
            .await
            .iter()
            .any(|e| e.action == "competition.rules_published" && e.reason == reason)
    );

    // Moving a stage changes the funnel (a shortlist feeds the next stage): a reason too.
    let s = stages(&app, id).await;
    let stage_move = format!("/admin/competitions/{id}/stages/{}/move?up=false", s[0].id);
    let resp = app.post_form(&stage_move, &[]).await;
    assert_eq!(
        resp.status(),
        Status::SeeOther,
        "back to the page with the refusal"
    );
    assert_eq!(stages(&app, id).await[0].id, s[0].id, "not moved");
    assert_eq!(versions(&app, id).await.len(), 2);
    // Showing the checklist in another order changes no rule: no reason asked, no version.
    let d = documents(&app, id).await;
    let resp = app
        .post_form(
            &format!(
                "/admin/competitions/{id}/documents/{}/move?up=false",
                d[0].id
            ),
            &[],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_ne!(documents(&app, id).await[0].id, d[0].id, "moved");
    assert_eq!(versions(&app, id).await.len(), 2);

    // Moving a prize changes who gets what: refused without a reason, kept with one.
    let move_path = format!("/admin/competitions/{id}/prizes/{}/move?up=true", p[1].id);
    let resp = app.post_form(&move_path, &[]).await;
    assert_eq!(
        resp.status(),
        Status::SeeOther,
        "back to the list with the refusal"
    );
    assert_eq!(prizes(&app, id).await[1].id, p[1].id, "not moved");
    let resp = app
        .post_form(&move_path, &[("reason", "Urutan sesuai SK Gubernur")])
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(prizes(&app, id).await[0].id, p[1].id);
    assert_eq!(versions(&app, id).await.len(), 3);

    // Removing a checklist item, and a budget on the competition form: reasons too.
    let d = documents(&app, id).await;
    let del = format!("/admin/competitions/{id}/documents/{}/delete", d[0].id);
    app.post_form(&del, &[]).await;
    assert_eq!(
        documents(&app, id).await.len(),
        d.len(),
        "kept without a reason"
    );
    app.post_form(&del, &[("reason", "Dokumen tidak lagi diwajibkan Juknis")])
        .await;
    assert_eq!(documents(&app, id).await.len(), d.len() - 1);
    let change = [("cash_budget", "60.000.000")];
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &edit_form(&change))
        .await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let mut with_reason = edit_form(&change);
    with_reason.push(("reason", "Anggaran bertambah"));
    let resp = app
        .post_form(&format!("/admin/competitions/{id}"), &with_reason)
        .await;
    assert_eq!(resp.status(), Status::SeeOther);
    let v = versions(&app, id).await;
    assert_eq!(v.len(), 5);

    // The public page: the rules in force and every change, before and after, with reasons.
    let resp = anonymous.get(public.as_str()).dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    let html = body(resp).await;
    for text in [
        "Aturan yang berlaku: versi 5.",
        reason,
        "Urutan sesuai SK Gubernur",
        "Dokumen tidak lagi diwajibkan Juknis",
        "Anggaran uang pembinaan",
        "Rp14.500.000",
        "Rp14.000.000",
        "Pengguna panitia",
    ] {
        assert!(html.contains(text), "{text} on the public page");
    }
    let admin_page = body(app.get(&format!("/admin/competitions/{id}")).await).await;
    assert!(
        admin_page.contains(&public),
        "the committee's page links to it"
    );

    // Anyone can check a version's hash from its canonical text.
    let resp = anonymous.get(format!("{public}/v/2.txt")).dispatch().await;
    assert_eq!(resp.status(), Status::Ok);
    let text = resp.into_string().await.unwrap();
    let digest: String = Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, v[1].hash);
    assert!(text.contains("prize:1\tcash\tRp14500000\n"), "{text}");
    // The tie-break chain is published as data (a reworded translation cannot move a hash)
    // and shown in words.
    assert!(text.contains("competition\ttie_breaks\t[{\""), "{text}");
    assert!(
        html.contains("lebih tinggi"),
        "the chain in words on the page"
    );

    // The same through the API, without a token.
    let resp = anonymous
        .get(format!("/api/v1/competitions/{id}/rules"))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let json: serde_json::Value = serde_json::from_str(&resp.into_string().await.unwrap()).unwrap();
    assert_eq!(json["in_force"], 5);
    assert_eq!(json["versions"][0]["number"], 5, "newest first");
    assert_eq!(json["versions"][3]["reason"], reason);
    let change = &json["versions"][3]["changes"][0];
    assert_eq!(
        (change["before"].as_str(), change["after"].as_str()),
        (Some("Rp14.000.000"), Some("Rp14.500.000"))
    );
}

#[rocket::async_test]
async fn a_village_that_entered_is_told_of_each_change_with_its_reason() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    transition(&app, id, "open").await;
    let village = crate::api::OWN;
    crate::common::builders::nomination_row(&app.db, id, village, "submitted").await;
    let operator = app
        .browser_as(Role::Village, "operator-rules", None, Some(village))
        .await;
    let home = body(operator.get("/village").dispatch().await).await;
    assert!(
        !home.contains("rules-notices"),
        "nothing changed since entering"
    );
    assert!(
        home.contains(&format!("/competitions/{id}/rules")),
        "linked"
    );

    let p = prizes(&app, id).await;
    let path = format!("/admin/competitions/{id}/prizes/{}", p[0].id);
    let (status, _) = post(
        &app,
        &path,
        &prize_form(&p[0], "14.000.000", "Hadiah ditambah sponsor BUMD"),
    )
    .await;
    assert_eq!(status, Status::SeeOther);
    let home = body(operator.get("/village").dispatch().await).await;
    assert!(home.contains("rules-notices"));
    assert!(home.contains("versi 2"), "{home}");
    assert!(home.contains("Hadiah ditambah sponsor BUMD"));
    assert!(home.contains(&format!("/competitions/{id}/rules#v2")));
}

#[rocket::async_test]
async fn the_api_asks_the_same_reason_and_a_refusal_changes_nothing() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    transition(&app, id, "open").await;
    let api = crate::api::Api::admin(&app).await;
    let d = documents(&app, id).await;
    let path = format!("/api/v1/competitions/{id}/documents/{}", d[0].id);
    let resp = api.delete(&path).await;
    assert_eq!(resp.status(), Status::UnprocessableEntity);
    let v: serde_json::Value = serde_json::from_str(&resp.into_string().await.unwrap()).unwrap();
    assert!(v["fields"]["reason"].is_array(), "{v}");
    assert_eq!(documents(&app, id).await.len(), d.len());
    assert_eq!(versions(&app, id).await.len(), 1);
    let resp = api
        .delete(&format!("{path}?reason=Tidak%20relevan%20lagi"))
        .await;
    assert_eq!(resp.status(), Status::NoContent);
    let v = versions(&app, id).await;
    assert_eq!((v.len(), v[1].reason.as_str()), (2, "Tidak relevan lagi"));
}

/// A criterion (its level descriptors), a stage (its quorum) and the tie-break chain, each
/// changed through the API after opening: each a version whose difference names that rule.
#[rocket::async_test]
async fn each_kind_of_change_is_a_version_naming_what_changed() {
    let app = admin_app().await;
    let id = from_template(&app, "desa").await;
    transition(&app, id, "open").await;
    let api = crate::api::Api::admin(&app).await;
    let s = stages(&app, id).await;
    let leaf = criteria(&app, s[1].id)
        .await
        .into_iter()
        .find(|k| k.scale_min.is_some())
        .unwrap();
    let pts = |u: Option<i64>| {
        u.map(|u| juara_domain::Points::from_units(u).canonical())
            .unwrap_or_default()
    };
    let parent = leaf.parent_id.map(|p| p.to_string()).unwrap_or_default();
    let body = serde_json::json!({
        "parent_id": parent, "code": leaf.code, "name": leaf.name, "guidance": leaf.guidance,
        "weight": leaf.weight.to_string(), "scale_min": pts(leaf.scale_min),
        "scale_max": pts(leaf.scale_max), "scale_step": pts(leaf.scale_step),
        "optional": leaf.optional, "requires_evidence": leaf.requires_evidence,
        "levels": [{"value": pts(leaf.scale_min), "text": "Belum ada sama sekali"}],
        "reason": "Rubrik diperjelas bersama tim penilai",
    });
    let resp = api
        .put(
            &format!("/api/v1/competitions/{id}/criteria/{}", leaf.id),
            &body,
        )
        .await;
    assert_eq!(resp.status(), Status::Ok, "{:?}", resp.into_string().await);

    let st = &s[0];
    let stage_body = serde_json::json!({
        "code": st.code, "name": st.name, "kind": st.kind, "weight": st.weight.to_string(),
        "aggregation": st.aggregation, "trim_k": st.trim_k.to_string(),
        "quorum": (st.quorum + 1).to_string(), "shortlist": st.shortlist.map(|n| n.to_string()),
        "pass_threshold": pts(st.pass_threshold), "normalize": st.normalize,
        "min_entries_per_judge": st.min_entries_per_judge.to_string(),
        "judges_per_entry": st.judges_per_entry.to_string(),
    });
    let path = format!("/api/v1/competitions/{id}/stages/{}", st.id);
    let resp = api.put(&path, &stage_body).await;
    assert_eq!(
        resp.status(),
        Status::UnprocessableEntity,
        "a reason is asked"
    );
    let mut with_reason = stage_body.clone();
    with_reason["reason"] = "Kuorum dinaikkan".into();
    assert_eq!(api.put(&path, &with_reason).await.status(), Status::Ok);

    let chain = serde_json::json!({"items": [{"kind": "draw", "seed": 2026}],
        "reason": "Undian di rapat pleno"});
    let resp = api
        .put(&format!("/api/v1/competitions/{id}/tie-breaks"), &chain)
        .await;
    assert_eq!(resp.status(), Status::Ok);

    let resp = api.get(&format!("/api/v1/competitions/{id}/rules")).await;
    let rules: serde_json::Value =
        serde_json::from_str(&resp.into_string().await.unwrap()).unwrap();
    assert_eq!(rules["in_force"], 4);
    let changed = |n: usize| -> Vec<String> {
        rules["versions"][3 - n]["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                format!(
                    "{} · {}",
                    c["place"].as_str().unwrap(),
                    c["field"].as_str().unwrap()
                )
            })
            .collect()
    };
    let level = format!(
        "Kriteria {} (tahap {}) — {} · Nilai {}",
        leaf.code,
        s[1].code,
        leaf.name,
        pts(leaf.scale_min).replace('.', ",")
    );
    assert!(changed(1).contains(&level), "{:?}", changed(1));
    assert!(
        changed(2).iter().any(|c| c.ends_with("· Kuorum juri")),
        "{:?}",
        changed(2)
    );
    assert_eq!(changed(3), ["Ketentuan umum · Aturan nilai sama"]);
    assert_eq!(rules["versions"][0]["reason"], "Undian di rapat pleno");
}
