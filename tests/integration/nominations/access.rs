//! Who reaches the id-bearing nomination pages: owner village 200, another village 404,
//! judge 403 (404 for files: nobody but the allowed learns a file exists), admin in scope
//! 200, admin outside scope 404, anonymous 401. Every failure names the row.

use juara::auth::Role;
use rocket::http::Status;
use rocket::local::asynchronous::Client;

use super::{NEIGHBOUR, OWN, nomination_with_status};
use crate::common::TestApp;
use crate::common::builders::CompetitionBuilder;

#[derive(Clone, Copy, Debug)]
enum Who {
    Owner,
    OtherVillage,
    Judge,
    AdminInScope,
    AdminOutside,
    Anonymous,
}

#[rocket::async_test]
async fn nomination_pages_answer_each_actor_as_the_table_says() {
    let app = TestApp::new().await;
    let c = CompetitionBuilder::new("Lomba Desa Kudus")
        .insert(&app.db)
        .await;
    let id = nomination_with_status(&app, c.id, OWN, "submitted").await;
    let village = format!("/village/nominations/{id}");
    let admin_show = format!("/admin/nominations/{id}");
    let admin_list = format!("/admin/competitions/{}/nominations", c.id);
    let advance = format!("/admin/competitions/{}/advance", c.id);

    let table: &[(&str, Who, Status)] = &[
        (&village, Who::Owner, Status::Ok),
        (&village, Who::OtherVillage, Status::NotFound),
        (&village, Who::Judge, Status::Forbidden),
        (&village, Who::AdminInScope, Status::Forbidden),
        (&village, Who::Anonymous, Status::Unauthorized),
        (&admin_show, Who::AdminInScope, Status::Ok),
        (&admin_show, Who::AdminOutside, Status::NotFound),
        (&admin_show, Who::Owner, Status::Forbidden),
        (&admin_show, Who::Judge, Status::Forbidden),
        (&admin_show, Who::Anonymous, Status::Unauthorized),
        (&admin_list, Who::AdminInScope, Status::Ok),
        (&admin_list, Who::AdminOutside, Status::NotFound),
        (&admin_list, Who::Owner, Status::Forbidden),
        (&admin_list, Who::Anonymous, Status::Unauthorized),
        (&advance, Who::AdminInScope, Status::Ok),
        (&advance, Who::AdminOutside, Status::NotFound),
        (&advance, Who::Judge, Status::Forbidden),
    ];
    let clients: Vec<(Who, Client)> = vec![
        (
            Who::Owner,
            app.browser_as(Role::Village, "op.own", None, Some(OWN))
                .await,
        ),
        (
            Who::OtherVillage,
            app.browser_as(Role::Village, "op.other", None, Some(NEIGHBOUR))
                .await,
        ),
        (
            Who::Judge,
            app.browser_as(Role::Judge, "juri.x", Some("33.19"), None)
                .await,
        ),
        (
            Who::AdminInScope,
            app.browser_as(Role::Admin, "adm.kudus", Some("33.19"), None)
                .await,
        ),
        (
            Who::AdminOutside,
            app.browser_as(Role::Admin, "adm.kaltim", Some("64"), None)
                .await,
        ),
        (Who::Anonymous, app.new_browser().await),
    ];
    for (path, who, expected) in table {
        let client = &clients
            .iter()
            .find(|(w, _)| std::mem::discriminant(w) == std::mem::discriminant(who))
            .unwrap()
            .1;
        let status = client.get(path.to_string()).dispatch().await.status();
        assert_eq!(
            status, *expected,
            "{who:?} GET {path}: expected {expected}, got {status}"
        );
    }
    // Village write routes on someone else's nomination look missing too.
    let other = &clients[1].1;
    let token = crate::common::csrf_of(other).await;
    for action in ["submit", "withdraw"] {
        let resp = other
            .post(format!("{village}/{action}"))
            .header(rocket::http::ContentType::Form)
            .body(crate::common::encode_form(&[("_csrf", &token)]))
            .dispatch()
            .await;
        assert_eq!(
            resp.status(),
            Status::NotFound,
            "other village POST {action}"
        );
    }
}
