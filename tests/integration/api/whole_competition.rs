//! Issue 14's "done when": a script runs one whole competition through `/api/v1` with Bearer
//! tokens and no HTML. Only the first committee account is made directly; every village
//! operator and judge is created through `POST /api/v1/users` and gets its own token with
//! `POST /api/v1/tokens/login`. Set-up, nominations, review, panel and conflict, scoring,
//! results with a tie decided by the chain, minutes, announcement, an appeal answered by a
//! correction, the prize ledger and the winners advancing: one step module each.

mod entries;
mod outcome;
mod scoring;
mod setup;

use juara::auth::Role;
use serde_json::{Value, json};

use super::{Api, JATI, NEIGHBOUR, OWN};
use crate::common::TestApp;

/// What each village's two judges give it, by leaf code: scales 0–100, weights A 60 % (A.1
/// and A.2 half each) and B 40 %. OWN: 90; NEIGHBOUR and JATI both 76, JATI ahead on B.
pub const VALUES: [(&str, [(&str, &str); 3]); 3] = [
    (OWN, [("A.1", "90"), ("A.2", "90"), ("B.1", "90")]),
    (NEIGHBOUR, [("A.1", "100"), ("A.2", "60"), ("B.1", "70")]),
    (JATI, [("A.1", "70"), ("A.2", "70"), ("B.1", "85")]),
];

/// One village taking part: its code, its operator's client and its nomination.
pub struct Entry {
    pub code: &'static str,
    pub api: Api,
    pub nomination: String,
}

/// One judge: the account's id and the judge's own client.
pub struct Judge {
    pub id: String,
    pub api: Api,
}

/// The competition as the script knows it: ids it was answered.
pub struct Run {
    pub app: TestApp,
    pub admin: Api,
    pub competition: String,
    pub stage: String,
    pub requirement: String,
    /// Leaf criteria: (code, id).
    pub leaves: Vec<(String, String)>,
}

impl Run {
    /// `/api/v1/competitions/<id>` followed by `rest`.
    pub fn path(&self, rest: &str) -> String {
        format!("/api/v1/competitions/{}{rest}", self.competition)
    }

    /// `…/stages/<stage>` followed by `rest`.
    pub fn stage_path(&self, rest: &str) -> String {
        self.path(&format!("/stages/{}{rest}", self.stage))
    }

    /// The id of the leaf `code`.
    pub fn leaf(&self, code: &str) -> &str {
        &self.leaves.iter().find(|(c, _)| c == code).unwrap().1
    }
}

/// The answer's array under `key`.
pub fn items<'a>(v: &'a Value, key: &str) -> &'a Vec<Value> {
    v[key].as_array().unwrap_or_else(|| panic!("no {key}: {v}"))
}

#[rocket::async_test]
async fn a_script_runs_a_whole_competition_with_tokens_only() {
    let app = TestApp::new().await;
    // The provincial committee (Jawa Tengah): the one account not made through the API.
    let admin = Api::user(&app, Role::Admin, "panitia-jateng", Some("33"), None).await;
    let (me_status, me) = super::json(admin.get("/api/v1/me").await).await;
    assert_eq!(
        (me_status.code, &me["username"]),
        (200, &json!("panitia-jateng"))
    );

    let run = setup::competition(app, admin).await;
    let entries = entries::nominate(&run).await;
    entries::review(&run, &entries).await;
    let judges = scoring::panel(&run).await;
    scoring::score(&run, &judges).await;
    scoring::close(&run).await;
    outcome::results(&run, &entries).await;
    outcome::announce(&run, &entries).await;
    outcome::appeal_and_correction(&run, &entries).await;
    outcome::ledger(&run, &entries).await;
    outcome::advance(&run, &entries).await;
}
