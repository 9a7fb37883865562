//! Level descriptors on the judge's sheet: beside the input as buttons carrying the value
//! (marked when it is the stored answer), in the sheet API, and on the printable sheet.

use rocket::http::Status;
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};

use super::{Fixture, post};
use crate::common::body;

const RUBRIC: &str = r#"[{"value":10000,"text":"Belum ada"},{"value":30000,"text":"Berjalan sebagian"},{"value":50000,"text":"Berjalan & dievaluasi"}]"#;

#[rocket::async_test]
async fn the_sheet_shows_each_level_beside_its_input_and_marks_the_answer() {
    let f = Fixture::new().await;
    let mut a1: entity::criterion::ActiveModel = f.leaves[0].clone().into();
    a1.levels = Set(RUBRIC.into());
    let a1 = a1.update(&f.app.db).await.unwrap();
    let judge = f.judge("juri_rubrik", Some("64.72")).await;
    let sheet = f.assign(0, judge.id).await;
    let client = f.browser(&judge).await;
    let page = format!("/judge/sheets/{}", sheet.id);

    let html = body(client.get(page.clone()).dispatch().await).await;
    for (value, text) in [("1.00", "Belum ada"), ("3.00", "Berjalan sebagian")] {
        let button = format!(
            r#"data-for="s-{}" data-value="{value}" aria-pressed="false""#,
            a1.id
        );
        assert!(html.contains(&button), "{value} offered: {button}");
        assert!(html.contains(text));
    }
    assert!(html.contains("Berjalan & dievaluasi"));
    assert_eq!(
        html.matches("class=\"level\"").count(),
        3,
        "only A.1 has levels"
    );

    // Saved as 3: that level is the pressed one.
    let form = f.form(0, "save", &[(0, "3", false)]);
    assert_eq!(post(&client, &page, &form).await.status(), Status::SeeOther);
    let html = body(client.get(page.clone()).dispatch().await).await;
    assert!(html.contains(r#"data-value="3.00" aria-pressed="true""#));
    assert!(html.contains(r#"data-value="1.00" aria-pressed="false""#));

    // The sheet API and the printable sheet carry them too.
    let read: Value = client
        .get(format!("/api/v1/judge/sheets/{}", sheet.id))
        .dispatch()
        .await
        .into_json()
        .await
        .unwrap();
    let line = read["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == json!(a1.id))
        .unwrap();
    assert_eq!(
        line["levels"][1],
        json!({"value": "3.00", "shown": "3", "text": "Berjalan sebagian"})
    );
    let print = body(client.get(format!("{page}/print")).dispatch().await).await;
    assert!(print.contains("Berjalan sebagian"));
}
