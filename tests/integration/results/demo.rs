//! `juara demo` on an empty database: an announced competition with every screen populated.

use rocket::http::Status;
use sea_orm::{EntityTrait, PaginatorTrait};

use super::json;
use crate::common::{TestApp, body};

#[rocket::async_test]
async fn the_demo_loads_an_announced_competition_once() {
    let app = TestApp::new().await;
    let report = juara::demo::load(&app.db).await.expect("demo loads");
    let c = entity::competition::Entity::find_by_id(report.competition_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.status, "announced");
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
    let sheets = entity::score_sheet::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(sheets, (12 * 4 - 1) + 2 * (6 * 4 - 1));
    assert!(
        juara::demo::load(&app.db).await.is_err(),
        "only into an empty database"
    );
}
