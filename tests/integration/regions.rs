//! Browsing and searching the registry, in pages and the JSON API.

use rocket::http::Status;
use serde_json::Value;

use crate::common::{TestApp, body};

async fn json(app: &TestApp, path: &str) -> (Status, Value) {
    let resp = app.get(path).await;
    let status = resp.status();
    (status, serde_json::from_str(&body(resp).await).unwrap())
}

#[rocket::async_test]
async fn a_region_page_shows_its_children_and_breadcrumbs() {
    let app = TestApp::new().await;
    let html = body(app.get("/regions/33.19").await).await;
    assert!(html.contains("Kabupaten Kudus"));
    assert!(html.contains("Kaliwungu"), "its kecamatan are listed");
    assert!(
        html.contains("href=\"/regions/33\""),
        "breadcrumb to the province"
    );
    let html = body(app.get("/regions/33.19.01").await).await;
    assert!(html.contains("Bakalankrapyak"));
    assert!(html.contains("desa"));
}

#[rocket::async_test]
async fn unknown_and_malformed_codes_are_404() {
    let app = TestApp::new().await;
    for path in [
        "/regions/99",
        "/regions/33.19.99",
        "/regions/abc",
        "/regions/33..19",
    ] {
        assert_eq!(app.get(path).await.status(), Status::NotFound, "{path}");
    }
    for path in ["/api/v1/regions/99", "/api/v1/regions/x"] {
        let (status, body) = json(&app, path).await;
        assert_eq!(status, Status::NotFound, "{path}");
        assert_eq!(body["status"], 404);
    }
}

#[rocket::async_test]
async fn search_ignores_case_and_finds_names_and_code_prefixes() {
    let app = TestApp::new().await;
    let (_, res) = json(&app, "/api/v1/regions?q=BAKALAN").await;
    let codes: Vec<&str> = res["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"33.19.01.2001"), "{codes:?}");
    let (_, res) = json(&app, "/api/v1/regions?q=64.72&level=district").await;
    assert!(res["total"].as_u64().unwrap() > 0);
    for item in res["items"].as_array().unwrap() {
        assert!(item["code"].as_str().unwrap().starts_with("64.72."));
        assert_eq!(item["level"], "district");
    }
    let html = body(app.get("/regions?q=kudus").await).await;
    assert!(html.contains("Kabupaten Kudus"));
}

#[rocket::async_test]
async fn search_treats_wildcards_as_text() {
    let app = TestApp::new().await;
    for q in ["%25", "_", "%5C"] {
        let (_, res) = json(&app, &format!("/api/v1/regions?q={q}")).await;
        assert_eq!(res["total"], 0, "q={q}");
    }
}

#[rocket::async_test]
async fn pages_of_a_search_cover_every_match_once() {
    let app = TestApp::new().await;
    let (_, all) = json(
        &app,
        "/api/v1/regions?level=village&within=64.72&per_page=500",
    )
    .await;
    let total = all["total"].as_u64().unwrap();
    assert!(total > 20);
    let mut seen = Vec::new();
    for page in 0..total.div_ceil(20) {
        let (_, res) = json(
            &app,
            &format!("/api/v1/regions?level=village&within=64.72&per_page=20&page={page}"),
        )
        .await;
        for item in res["items"].as_array().unwrap() {
            seen.push(item["code"].as_str().unwrap().to_owned());
        }
    }
    let mut unique = seen.clone();
    unique.dedup();
    assert_eq!(u64::try_from(seen.len()).unwrap(), total);
    assert_eq!(unique, seen, "no row twice, in code order");
    for code in &seen {
        assert!(code.starts_with("64.72."));
    }
}

#[rocket::async_test]
async fn search_across_levels_pages_through_every_level() {
    let app = TestApp::new().await;
    // "Samarinda" names the kota and several kecamatan and kelurahan.
    let (_, all) = json(&app, "/api/v1/regions?q=samarinda&per_page=500").await;
    let total = all["total"].as_u64().unwrap();
    let (_, first) = json(&app, "/api/v1/regions?q=samarinda&per_page=2").await;
    let (_, second) = json(&app, "/api/v1/regions?q=samarinda&per_page=2&page=1").await;
    assert_eq!(first["total"].as_u64().unwrap(), total);
    let codes = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["code"].as_str().unwrap().to_owned())
            .collect()
    };
    let all_codes = codes(&all);
    assert_eq!(codes(&first), all_codes[..2].to_vec());
    assert_eq!(codes(&second), all_codes[2..4].to_vec());
}

#[rocket::async_test]
async fn the_api_returns_a_region_with_ancestors_children_and_kind() {
    let app = TestApp::new().await;
    let (status, res) = json(&app, "/api/v1/regions/64.72.01").await;
    assert_eq!(status, Status::Ok);
    assert_eq!(res["level"], "district", "the region as the list shows it");
    assert_eq!(res["code"], "64.72.01");
    let ancestors: Vec<&str> = res["ancestors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(ancestors, ["64", "64.72"]);
    let children = res["children"]["items"].as_array().unwrap();
    assert!(!children.is_empty());
    assert_eq!(
        res["children"]["total"].as_u64().unwrap(),
        u64::try_from(children.len()).unwrap(),
        "paged like every list"
    );
    assert!(children.iter().all(|c| c["kind"] == "kelurahan"));
    let (_, village) = json(&app, "/api/v1/regions/33.19.01.2001").await;
    assert_eq!(village["kind"], "desa");
    assert_eq!(village["children"]["total"], 0);
}

#[rocket::async_test]
async fn bad_api_filters_are_refused() {
    let app = TestApp::new().await;
    let (status, _) = json(&app, "/api/v1/regions?level=planet").await;
    assert_eq!(status, Status::NotFound);
    let (status, _) = json(&app, "/api/v1/regions?within=zz").await;
    assert_eq!(status, Status::NotFound);
}

#[rocket::async_test]
async fn the_interface_switches_to_english_and_back() {
    let app = TestApp::new().await;
    let resp = app.get("/lang/en?next=/regions").await;
    assert_eq!(resp.status(), Status::SeeOther);
    assert_eq!(resp.headers().get_one("Location"), Some("/regions"));
    assert!(
        body(app.get("/regions").await)
            .await
            .contains("Region registry")
    );
    app.get("/lang/id").await;
    assert!(
        body(app.get("/regions").await)
            .await
            .contains("Data wilayah")
    );
    let resp = app.get("/lang/en?next=https://evil.example").await;
    assert_eq!(resp.headers().get_one("Location"), Some("/"));
}

/// The in-memory search answers exactly what the database search answers: same matches, same
/// order, same totals, page by page (wildcards in the text are literal in both).
#[rocket::async_test]
async fn the_memory_index_matches_the_database_search() {
    use juara::db::region_index::RegionSearch;
    use juara::db::regions::{self, RegionQuery};
    use juara::registry::Level;
    let app = TestApp::new().await;
    let index = RegionSearch::default();
    let q = |text: &str, level: Option<Level>, within: Option<&str>| RegionQuery {
        text: Some(text.to_owned()),
        level,
        within: within.map(str::to_owned),
    };
    let queries = [
        q("sendang", None, None),
        q("KUDUS", None, None),
        q("33.19", None, None),
        q("3", None, None),
        q("33.19.01.2", Some(Level::Village), None),
        q("a", None, None),
        q("kali", Some(Level::Village), Some("33.19")),
        q("", Some(Level::District), Some("64")),
        q("%", None, None),
        q("a_b", None, None),
        q("  jati  ", Some(Level::Village), None),
    ];
    for query in &queries {
        for (page, per_page) in [(0, 50), (3, 50), (0, 500), (40, 7)] {
            let expected = regions::search(&app.db, query, page, per_page)
                .await
                .unwrap();
            let got = index.search(&app.db, query, page, per_page).await.unwrap();
            assert_eq!(got, expected, "{query:?} page {page} × {per_page}");
        }
    }
    let (_, total) = index
        .search(&app.db, &RegionQuery::default(), 0, 1)
        .await
        .unwrap();
    let c = regions::counts(&app.db).await.unwrap();
    let all = c.provinces + c.regencies + c.districts + c.villages;
    assert!(all > 200, "the fixture registry is loaded");
    assert_eq!(total, all, "the whole registry is indexed");
}
