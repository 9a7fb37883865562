//! The one fixture of the route matrix: the demo database (province 64) plus the nine roles,
//! each with its own logged-in browser, and the ids the table's placeholders name.

use std::collections::HashMap;

use chrono::Utc;
use entity::{
    api_token, criterion, document_requirement, judge_conflict, nomination, prize_tier,
    score_sheet, stage, user, village,
};
use juara::db::documents::{self, NewDocument, StoredFile, Target};
use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::Client;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use uuid::Uuid;

use crate::common::{PASSWORD, TestApp, csrf_of, encode_form};

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Anonymous,
    /// Owns the fixture nominations ({nom}, {annnom}) and files.
    VillageA,
    /// Another desa of the same province, with no entry.
    VillageB,
    /// Has the fixture sheet ({sheet}).
    JudgeAssigned,
    /// On no panel.
    JudgeUnassigned,
    /// On the panel, in conflict with the fixture entry's village.
    JudgeConflicted,
    /// Scoped to province 64 (both competitions).
    AdminInScope,
    /// Scoped to province 33.
    AdminOutOfScope,
    AdminNational,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::Anonymous,
        Role::VillageA,
        Role::VillageB,
        Role::JudgeAssigned,
        Role::JudgeUnassigned,
        Role::JudgeConflicted,
        Role::AdminInScope,
        Role::AdminOutOfScope,
        Role::AdminNational,
    ];
}

pub struct Fixture {
    pub app: TestApp,
    clients: HashMap<Role, Client>,
    ids: HashMap<&'static str, String>,
    village_a: Uuid,
    requirement: Uuid,
}

async fn login(client: &Client, username: &str, password: &str) {
    let token = csrf_of(client).await;
    let status = client
        .post("/login")
        .header(ContentType::Form)
        .body(encode_form(&[
            ("_csrf", &token),
            ("username", username),
            ("password", password),
        ]))
        .dispatch()
        .await
        .status();
    assert_eq!(status, Status::SeeOther, "login as {username}");
}

impl Fixture {
    pub async fn new() -> Fixture {
        let app = TestApp::new().await;
        let report = juara::demo::load(&app.db).await.expect("demo loads");
        let db = &app.db;
        let comp = report.judging_competition_id;
        let ann = report.competition_id;
        let noms = |c: Uuid| async move {
            nomination::Entity::find()
                .filter(nomination::Column::CompetitionId.eq(c))
                .order_by_asc(nomination::Column::VillageCode)
                .all(db)
                .await
                .unwrap()
        };
        let (judging_noms, announced_noms) = (noms(comp).await, noms(ann).await);
        // Village A has an entry in both competitions when the demo allows it.
        let jnom = judging_noms
            .iter()
            .find(|n| {
                announced_noms
                    .iter()
                    .any(|a| a.village_code == n.village_code)
            })
            .unwrap_or(&judging_noms[0])
            .clone();
        let annnom = announced_noms
            .iter()
            .find(|a| a.village_code == jnom.village_code)
            .unwrap_or(&announced_noms[0])
            .clone();
        let entrants: Vec<&str> = judging_noms
            .iter()
            .chain(&announced_noms)
            .map(|n| n.village_code.as_str())
            .collect();
        let other = village::Entity::find()
            .filter(village::Column::Code.starts_with("64."))
            .all(db)
            .await
            .unwrap()
            .into_iter()
            .find(|v| !entrants.contains(&v.code.as_str()))
            .expect("a desa without an entry");

        let account = |name: &str| {
            report
                .accounts
                .iter()
                .find(|(u, _, _)| u == name)
                .map(|(_, secret, _)| secret.clone())
                .expect("demo account")
        };
        let by_name = |name: &'static str| async move {
            user::Entity::find()
                .filter(user::Column::Username.eq(name))
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .id
        };
        let (juri1, juri2) = (by_name("demo-juri-1").await, by_name("demo-juri-2").await);
        let village_a = app
            .create_user(
                juara::auth::Role::Village,
                "desa-a",
                None,
                Some(&jnom.village_code),
            )
            .await;
        let village_b = app
            .create_user(
                juara::auth::Role::Village,
                "desa-b",
                None,
                Some(&other.code),
            )
            .await;
        // Not signed in anywhere: the committee toggles this account.
        let spare = app
            .create_user(
                juara::auth::Role::Village,
                "desa-c",
                None,
                Some(&other.code),
            )
            .await;
        let free = app
            .create_user(juara::auth::Role::Judge, "juri-bebas", None, None)
            .await;
        let admin = juara::auth::Role::Admin;
        app.create_user(admin, "admin-64", Some("64"), None).await;
        app.create_user(admin, "admin-33", Some("33"), None).await;
        app.create_user(admin, "admin-pusat", None, None).await;
        crate::common::builders::conflict_row(db, juri2, &jnom.village_code).await;

        let mut clients = HashMap::new();
        for role in Role::ALL {
            let client = app.new_browser().await;
            let (name, password) = match role {
                Role::Anonymous => (String::new(), String::new()),
                Role::VillageA => ("desa-a".into(), PASSWORD.into()),
                Role::VillageB => ("desa-b".into(), PASSWORD.into()),
                Role::JudgeAssigned => ("demo-juri-1".into(), account("demo-juri-1")),
                Role::JudgeUnassigned => ("juri-bebas".into(), PASSWORD.into()),
                Role::JudgeConflicted => ("demo-juri-2".into(), account("demo-juri-2")),
                Role::AdminInScope => ("admin-64".into(), PASSWORD.into()),
                Role::AdminOutOfScope => ("admin-33".into(), PASSWORD.into()),
                Role::AdminNational => ("admin-pusat".into(), PASSWORD.into()),
            };
            if role != Role::Anonymous {
                login(&client, &name, &password).await;
            }
            clients.insert(role, client);
        }

        let stages = stage::Entity::find()
            .filter(stage::Column::CompetitionId.eq(comp))
            .order_by_asc(stage::Column::Position)
            .all(db)
            .await
            .unwrap();
        let first = stages[0].clone();
        let crit = criterion::Entity::find()
            .filter(criterion::Column::StageId.eq(first.id))
            .one(db)
            .await
            .unwrap()
            .expect("a criterion");
        let requirement = match document_requirement::Entity::find()
            .filter(document_requirement::Column::CompetitionId.eq(comp))
            .one(db)
            .await
            .unwrap()
        {
            Some(r) => r.id,
            None => {
                crate::common::builders::requirement(db, comp, "SK", "link", false)
                    .await
                    .id
            }
        };
        let prize = prize_tier::Entity::find()
            .filter(prize_tier::Column::CompetitionId.eq(comp))
            .one(db)
            .await
            .unwrap()
            .expect("a prize tier")
            .id;
        let sheet_of = |judge: Uuid| {
            let (stage_id, nom_id) = (first.id, jnom.id);
            async move {
                score_sheet::Entity::find()
                    .filter(score_sheet::Column::JudgeId.eq(judge))
                    .filter(score_sheet::Column::StageId.eq(stage_id))
                    .filter(score_sheet::Column::NominationId.eq(nom_id))
                    .one(db)
                    .await
                    .unwrap()
                    .expect("the judge's sheet on the fixture entry")
                    .id
            }
        };
        let sheet = sheet_of(juri1).await;
        let conflict = judge_conflict::Entity::find()
            .filter(judge_conflict::Column::JudgeId.eq(juri2))
            .one(db)
            .await
            .unwrap()
            .unwrap()
            .id;
        // A stored file of village A's entry (any PDF bytes will do).
        let stored_name = format!("{}/{}.pdf", Uuid::new_v4(), Uuid::new_v4());
        let path = app.config.upload_dir.join(&stored_name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, b"%PDF-1.4\n%%EOF\n").unwrap();
        let file = documents::insert(
            db,
            NewDocument {
                nomination_id: jnom.id,
                target: Target::Requirement(requirement),
                label: "Profil desa".into(),
                url: None,
                file: Some(StoredFile {
                    stored_name,
                    content_type: "application/pdf".into(),
                    size_bytes: 15,
                    sha256: "0".repeat(64),
                }),
                uploaded_by: village_a.id.into(),
            },
        )
        .await
        .unwrap()
        .id;
        let mut ids: HashMap<&'static str, String> = HashMap::new();
        let id = |u: Uuid| u.to_string();
        ids.insert("comp", id(comp));
        ids.insert("ann", id(ann));
        ids.insert("stage", id(first.id));
        ids.insert("stagecode", first.code.clone());
        ids.insert("crit", id(crit.id));
        ids.insert("req", id(requirement));
        ids.insert("prize", id(prize));
        ids.insert("nom", id(jnom.id));
        ids.insert("annnom", id(annnom.id));
        ids.insert("sheet", id(sheet));
        ids.insert("file", id(file));
        ids.insert("conflict", id(conflict));
        ids.insert("judge_conflicted", id(juri2));
        ids.insert("judge_free", id(free.id));
        ids.insert("spare_user", id(spare.id));
        drop(village_b);
        ids.insert("village_code", jnom.village_code.clone());
        ids.insert("nil", id(Uuid::nil()));
        Fixture {
            app,
            clients,
            ids,
            village_a: village_a.id,
            requirement,
        }
    }

    /// The database as a comparable text (see `state.rs`).
    pub async fn state(&self) -> String {
        super::state::of(&self.app.db).await
    }

    /// The browser of `role`.
    pub fn client(&self, role: Role) -> &Client {
        &self.clients[&role]
    }

    /// `template` with its `{placeholders}` replaced; a `{new_…}` one creates a fresh object
    /// for this request alone (so a removal allowed to two roles finds one each).
    pub async fn fill(&self, template: &str) -> String {
        let mut out = template.to_owned();
        while let Some(start) = out.find('{') {
            let end = start + out[start..].find('}').expect("closing brace");
            let name = &out[start + 1..end];
            let value = match name {
                "new_doc" => self.new_link().await,
                "new_token" => self.new_token().await,
                "new_prize" => self.new_prize().await,
                "new_panel_judge" => self.new_panel_judge().await,
                "new_conflict" => self.new_conflict().await,
                _ => self
                    .ids
                    .get(name)
                    .unwrap_or_else(|| panic!("unknown placeholder {{{name}}}"))
                    .clone(),
            };
            out.replace_range(start..=end, &value);
        }
        out
    }

    async fn new_link(&self) -> String {
        documents::insert(
            &self.app.db,
            NewDocument {
                nomination_id: Uuid::parse_str(&self.ids["nom"]).unwrap(),
                target: Target::Requirement(self.requirement),
                label: "Video desa".into(),
                url: Some("https://example.org/video".into()),
                file: None,
                uploaded_by: self.village_a.into(),
            },
        )
        .await
        .unwrap()
        .id
        .to_string()
    }

    async fn new_prize(&self) -> String {
        let comp = Uuid::parse_str(&self.ids["comp"]).unwrap();
        let rank = prize_tier::Entity::find()
            .filter(prize_tier::Column::CompetitionId.eq(comp))
            .count(&self.app.db)
            .await
            .unwrap();
        prize_tier::ActiveModel {
            id: Set(Uuid::new_v4()),
            competition_id: Set(comp),
            rank: Set(i32::try_from(rank).unwrap() + 100),
            label: Set("Harapan".into()),
            cash: Set(0),
            assistance: Set(0),
            trophy: Set(false),
            certificate: Set(true),
        }
        .insert(&self.app.db)
        .await
        .unwrap()
        .id
        .to_string()
    }

    async fn new_token(&self) -> String {
        let (_, prefix, hash) = juara::auth::api::generate();
        api_token::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(self.village_a),
            name: Set("uji".into()),
            prefix: Set(prefix),
            token_hash: Set(hash),
            created_at: Set(Utc::now().fixed_offset()),
            last_used_at: Set(None),
            revoked_at: Set(None),
        }
        .insert(&self.app.db)
        .await
        .unwrap()
        .id
        .to_string()
    }

    /// A fresh judge on the fixture stage's panel (for removals allowed to two roles).
    async fn new_panel_judge(&self) -> String {
        let name = format!("juri-{}", &Uuid::new_v4().simple().to_string()[..8]);
        let judge = self
            .app
            .create_user(juara::auth::Role::Judge, &name, None, None)
            .await;
        let stage = Uuid::parse_str(&self.ids["stage"]).unwrap();
        crate::common::builders::panel_row(&self.app.db, stage, judge.id, &[]).await;
        judge.id.to_string()
    }

    /// `<judge>/conflicts/<id>` of a fresh conflict of the free judge inside province 64.
    async fn new_conflict(&self) -> String {
        let judge = Uuid::parse_str(&self.ids["judge_free"]).unwrap();
        let region = format!("64.{}", 10 + Uuid::new_v4().as_u128() % 80);
        let existing = judge_conflict::Entity::find()
            .filter(judge_conflict::Column::JudgeId.eq(judge))
            .filter(judge_conflict::Column::RegionCode.eq(region.as_str()))
            .one(&self.app.db)
            .await
            .unwrap();
        let row = match existing {
            Some(row) => row,
            None => {
                crate::common::builders::conflict_row(&self.app.db, judge, &region).await;
                judge_conflict::Entity::find()
                    .filter(judge_conflict::Column::JudgeId.eq(judge))
                    .filter(judge_conflict::Column::RegionCode.eq(region.as_str()))
                    .one(&self.app.db)
                    .await
                    .unwrap()
                    .unwrap()
            }
        };
        format!("{judge}/conflicts/{}", row.id)
    }
}
