//! Set-up: the competition, its stage, the criteria tree with weights and scales, the
//! checklist, the prize table and the tie-break chain, then opening it.

use chrono::{Datelike, Duration, SecondsFormat, Utc};
use rocket::http::Status;
use serde_json::{Value, json};

use super::{Run, items};
use crate::api::{Api, id_of, json};
use crate::common::TestApp;

/// A competition body with its schedule around now: nominations open since yesterday.
pub fn body(name: &str, level: &str, region: &str) -> Value {
    let now = Utc::now();
    let at = |days: i64| (now + Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true);
    json!({
        "name": name, "year": now.year(), "level": level, "region_code": region,
        "category": "desa", "description": "Lomba desa dijalankan lewat API",
        "nomination_opens_at": at(-1), "nomination_closes_at": at(14),
        "judging_closes_at": at(30), "announcement_at": at(45),
        "max_entries": 40, "appeals_enabled": true, "appeal_days": 7, "tie_policy": "split",
        "cash_budget": 225_000_000
    })
}

async fn created(api: &Api, path: &str, body: &Value) -> Value {
    let (status, v) = json(api.post(path, body).await).await;
    assert_eq!(status, Status::Created, "{path}: {v}");
    v
}

fn node(parent: Option<&str>, code: &str, weight: i64) -> Value {
    let mut v = json!({"parent_id": parent, "code": code, "name": format!("Kriteria {code}"),
        "weight": weight});
    if parent.is_some() {
        v["scale_min"] = json!("0");
        v["scale_max"] = json!(100);
        v["scale_step"] = json!("5");
    }
    v
}

pub async fn competition(app: TestApp, admin: Api) -> Run {
    let body = body("Lomba Desa Kabupaten Kudus", "kabupaten", "33.19");
    let c = created(&admin, "/api/v1/competitions", &body).await;
    assert_eq!(
        (c["status"].as_str(), c["level"].as_str()),
        (Some("draft"), Some("kabupaten"))
    );
    assert_eq!(c["time_zone"], "WIB");
    assert_eq!(c["nominations_open"], false, "a draft takes no nominations");
    let id = id_of(&c).to_string();
    let base = format!("/api/v1/competitions/{id}");

    // One field stage judged by two judges per village, their mean counting.
    let stage = json!({"code": "lap", "name": "Penilaian Lapangan", "kind": "field",
        "weight": 100, "aggregation": "mean", "quorum": 2, "judges_per_entry": 2});
    let stage = created(&admin, &format!("{base}/stages"), &stage).await;
    assert_eq!(
        (stage["code"].as_str(), stage["weight"].as_i64()),
        (Some("LAP"), Some(100))
    );
    let sid = id_of(&stage).to_string();

    // Criteria: aspect A (60) with A.1 and A.2 (50 each), aspect B (40) with B.1 (100).
    let tree = format!("{base}/stages/{sid}/criteria");
    let mut leaves = Vec::new();
    for (aspect, weight, children) in [
        ("A", 60, &[("A.1", 50), ("A.2", 50)][..]),
        ("B", 40, &[("B.1", 100)][..]),
    ] {
        let a = created(&admin, &tree, &node(None, aspect, weight)).await;
        let aid = a["id"].as_str().unwrap().to_owned();
        for (code, w) in children {
            let leaf = created(&admin, &tree, &node(Some(&aid), code, *w)).await;
            assert_eq!(
                (leaf["depth"].as_i64(), leaf["scale_max"].as_str()),
                (Some(1), Some("100"))
            );
            leaves.push(((*code).to_owned(), leaf["id"].as_str().unwrap().to_owned()));
        }
    }
    let (status, t) = json(admin.get(&tree).await).await;
    assert_eq!(status, Status::Ok);
    assert_eq!(t["root_weight_sum"], 100);
    assert!(items(&t, "problems").is_empty(), "weights add up: {t}");

    // The checklist: one required file.
    let doc = json!({"code": "profil", "label": "Profil desa", "kind": "file", "required": true});
    let doc = created(&admin, &format!("{base}/documents"), &doc).await;
    assert_eq!(
        (doc["code"].as_str(), doc["required"].as_bool()),
        (Some("PROFIL"), Some(true))
    );

    // The prize table in rupiah (money also typed as "Rp…").
    let tiers = [
        ("Juara I", json!("Rp100.000.000")),
        ("Juara II", json!(75_000_000)),
        ("Juara III", json!(50_000_000)),
    ];
    for (rank, (label, cash)) in tiers.into_iter().enumerate() {
        let tier = json!({"label": label, "cash": cash, "trophy": true, "certificate": true});
        let tier = created(&admin, &format!("{base}/prizes"), &tier).await;
        assert_eq!(tier["rank"], rank + 1);
    }
    let (_, prizes) = json(admin.get(&format!("{base}/prizes")).await).await;
    assert_eq!(items(&prizes, "items")[0]["cash"], 100_000_000);

    // The tie-break chain: aspect B of the field stage, then a seeded draw.
    let chain = json!({"items": [{"kind": "criterion_score", "stage": "LAP", "code": "B"},
        {"kind": "draw", "seed": 2026}]});
    let (status, saved) = json(admin.put(&format!("{base}/tie-breaks"), &chain).await).await;
    assert_eq!(status, Status::Ok, "{saved}");
    assert_eq!(saved["items"], chain["items"]);

    let (status, opened) = json(
        admin
            .post(&format!("{base}/status"), &json!({"to": "open"}))
            .await,
    )
    .await;
    assert_eq!(status, Status::Ok, "{opened}");
    assert_eq!(
        (
            opened["status"].as_str(),
            opened["nominations_open"].as_bool()
        ),
        (Some("open"), Some(true))
    );
    assert_eq!(opened["criteria_editable"], true);
    Run {
        app,
        admin,
        competition: id,
        stage: sid,
        requirement: doc["id"].as_str().unwrap().to_owned(),
        leaves,
    }
}
