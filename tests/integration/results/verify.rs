//! Verifiable results: the file published beside the hash recomputes to the same ranking and
//! prizes, names no judge, and a tampered file fails — through the page and `juara verify`.

use juara::auth::Role;
use juara::results::verify::{self, ResultFile};
use rocket::http::Status;

use super::{announce, contest};
use crate::common::{TestApp, body};

async fn published_file(app: &TestApp, id: uuid::Uuid) -> (String, ResultFile) {
    let anon = app.new_browser().await;
    let resp = anon
        .get(format!("/results/{id}/v/1/verify.json"))
        .dispatch()
        .await;
    assert_eq!(resp.status(), Status::Ok);
    let disposition = resp
        .headers()
        .get_one("Content-Disposition")
        .unwrap_or_default()
        .to_owned();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let text = resp.into_string().await.expect("body");
    let file: ResultFile = serde_json::from_str(&text).expect("a results file");
    (text, file)
}

#[rocket::async_test]
async fn the_published_file_verifies_and_names_no_judge() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;

    // Nothing to download before the announcement.
    let anon = app.new_browser().await;
    let early = anon
        .get(format!("/results/{}/v/1/verify.json", c.id))
        .dispatch()
        .await;
    assert_eq!(early.status(), Status::NotFound);

    announce(&app, &c).await;
    let v1 = juara::db::results::snapshots::current(&app.db, c.id)
        .await
        .unwrap()
        .unwrap();
    let (text, file) = published_file(&app, c.id).await;
    // The file's hash is the one announced, and it covers the version.
    assert_eq!(file.content_hash, v1.content_hash);
    assert_eq!(file.bundle.version, 1);
    let verdict = verify::check(&file);
    assert!(verdict.ok(), "{verdict:?}");
    assert_eq!(file.bundle.outputs.lines.len(), 12);
    // Judges are numbered 1..n, never their account ids.
    for judge in c.judges {
        assert!(
            !text.contains(&judge.as_u128().to_string()),
            "judge id leaked"
        );
        assert!(!text.contains(&judge.to_string()), "judge id leaked");
    }
    let mut numbers: Vec<u128> = file
        .bundle
        .inputs
        .sheets
        .iter()
        .map(|s| s.judge.0)
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers, vec![1, 2, 3]);

    // The winners page links the file beside the hash.
    let page = body(app.get(&format!("/results/{}", c.id)).await).await;
    assert!(page.contains(&format!("/results/{}/v/1/verify.json", c.id)));
}

#[rocket::async_test]
async fn a_tampered_file_fails_the_check_and_the_command() {
    let app = TestApp::new().await;
    let c = contest(&app).await;
    app.login_as(Role::Admin).await;
    announce(&app, &c).await;
    let (_, file) = published_file(&app, c.id).await;
    let dir = tempfile::tempdir().unwrap();

    // The untouched file passes `juara verify`.
    let good = dir.path().join("hasil.json");
    std::fs::write(&good, serde_json::to_vec(&file).unwrap()).unwrap();
    assert!(juara::cli::verify(&good).is_ok());

    // Changing the reason or version breaks the hash: the hash covers them.
    let mut relabelled = file.clone();
    relabelled.bundle.reason = "diubah".into();
    let v = verify::check(&relabelled);
    assert!(!v.hash_matches && v.differences.is_empty(), "{v:?}");

    // A winner's prize raised, with the hash recomputed to match: the recomputation catches it.
    let mut richer = file.clone();
    let winner = richer
        .bundle
        .outputs
        .lines
        .iter_mut()
        .find(|l| l.rank == 1)
        .unwrap();
    winner.prize.as_mut().unwrap().cash += 1_000_000;
    richer.content_hash = verify::hash(&richer.bundle);
    let v = verify::check(&richer);
    assert!(v.hash_matches, "{v:?}");
    assert!(
        v.differences.iter().any(|d| d.starts_with("line 1:")),
        "{v:?}"
    );
    let bad = dir.path().join("palsu.json");
    std::fs::write(&bad, serde_json::to_vec(&richer).unwrap()).unwrap();
    assert!(juara::cli::verify(&bad).is_err());

    // A score changed in the inputs moves the ranking away from what was published.
    let mut rescored = file.clone();
    for sheet in &mut rescored.bundle.inputs.sheets {
        for (_, value) in &mut sheet.values {
            *value = juara::domain::sheet::ScoreValue::NotApplicable;
        }
    }
    rescored.content_hash = verify::hash(&rescored.bundle);
    assert!(!verify::check(&rescored).ok());
}
