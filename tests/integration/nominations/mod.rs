//! Nominations end to end: drafts, evidence uploads, submission rules, the committee's
//! check, file access and winners advancing from the level below. Helpers here read like
//! what a village operator does.

mod access;
mod advance;
mod documents;
mod drafts;
mod review;
mod submit;

use rocket::http::{ContentType, Status};
use rocket::local::asynchronous::{Client, LocalResponse};
use uuid::Uuid;

use crate::common::builders::{BOUNDARY, Part, multipart};
use crate::common::{TestApp, csrf_of};

/// The village `login_as(Role::Village)` acts for (a desa in Kaliwungu, Kudus).
pub const OWN: &str = "33.19.01.2001";
/// Another desa in the same kecamatan.
pub const NEIGHBOUR: &str = "33.19.01.2002";
/// A kelurahan in Kota Kudus.
pub const KELURAHAN: &str = "33.19.02.1001";

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
pub const PNG: &[u8] = &[
    0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H', b'D', b'R',
];
pub const ELF: &[u8] = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x02\0\x3e\0\x01\0\0\0";
pub const EXE: &[u8] = b"MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0\xb8\0\0\0";

/// The id at the end of a redirect to a nomination page.
pub fn nomination_id(resp: &LocalResponse<'_>) -> Uuid {
    let location = resp.headers().get_one("Location").expect("redirect");
    let id = location.rsplit('/').next().unwrap();
    Uuid::parse_str(id).expect("nomination id in Location")
}

/// Creates a draft as the logged-in village; returns its id.
pub async fn create_draft(app: &TestApp, competition: Uuid) -> Uuid {
    let resp = app
        .post_form(
            "/village/nominations",
            &[("competition_id", &competition.to_string())],
        )
        .await;
    assert_eq!(resp.status(), Status::SeeOther, "draft created");
    nomination_id(&resp)
}

/// A complete, valid profile at `version`, with `changes` replacing fields.
pub fn profile(version: &str, changes: &[(&'static str, &'static str)]) -> Vec<(String, String)> {
    let mut fields: Vec<(&str, &str)> = vec![
        ("head_name", "Sutrisno"),
        ("development_status", "maju"),
        ("population", "4210"),
        ("households", "1280"),
        ("contact_name", "Siti Aminah"),
        ("contact_phone", "0812-2900-1234"),
        ("contact_email", "desa.bakalan@kuduskab.go.id"),
        ("achievements", "Juara I lomba kebersihan 2024"),
        ("description", "Desa sentra bordir di Kaliwungu."),
        ("version", version),
    ];
    for (k, v) in changes {
        match fields.iter_mut().find(|(name, _)| name == k) {
            Some(f) => f.1 = v,
            None => fields.push((k, v)),
        }
    }
    fields
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

/// Posts the profile form.
pub async fn save_profile<'a>(
    app: &'a TestApp,
    id: Uuid,
    fields: &[(String, String)],
) -> LocalResponse<'a> {
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(&format!("/village/nominations/{id}"), &fields)
        .await
}

/// Uploads a file (CSRF field first, as the page's form sends it).
pub async fn upload<'a>(
    client: &'a Client,
    id: Uuid,
    target: &str,
    file_name: &str,
    bytes: &[u8],
) -> LocalResponse<'a> {
    let token = csrf_of(client).await;
    let body = multipart(&[
        Part::Text("_csrf", &token),
        Part::Text("target", target),
        Part::File("file", file_name, bytes),
    ]);
    client
        .post(format!("/village/nominations/{id}/files"))
        .header(ContentType::new("multipart", "form-data").with_params(("boundary", BOUNDARY)))
        .body(body)
        .dispatch()
        .await
}

/// Every file under the upload directory (recursively).
pub fn stored_files(app: &TestApp) -> Vec<std::path::PathBuf> {
    fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&app.config.upload_dir, &mut out);
    out
}

/// The nomination row.
pub async fn row(app: &TestApp, id: Uuid) -> entity::nomination::Model {
    use sea_orm::EntityTrait;
    entity::nomination::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("nomination row")
}

/// How many document rows the nomination has.
pub async fn document_count(app: &TestApp, id: Uuid) -> usize {
    juara::db::documents::list_for_nomination(&app.db, id)
        .await
        .unwrap()
        .len()
}

/// A nomination inserted directly with the given status and a filled profile.
pub async fn nomination_with_status(
    app: &TestApp,
    competition: Uuid,
    village: &str,
    status: &str,
) -> Uuid {
    use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
    // An entry's status is locked once its competition is announced (a trigger): seed it the
    // way history would have, with the competition still in review, then restore the status.
    let comp = entity::competition::Entity::find_by_id(competition)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let published = matches!(comp.status.as_str(), "announced" | "archived");
    if published {
        let mut c = comp.clone().into_active_model();
        c.status = Set(entity::CompetitionStatus::Review);
        c.update(&app.db).await.unwrap();
    }
    let n = juara::db::nominations::insert_draft(
        &app.db,
        competition,
        village,
        juara::ids::UserId::new(),
    )
    .await
    .unwrap();
    let id = n.id;
    let mut n = n.into_active_model();
    n.status = Set(entity::NominationStatus::parse(status).expect("a known state"));
    n.head_name = Set("Kepala Desa Uji".into());
    n.development_status = Set("maju".into());
    n.population = Set(Some(3000));
    n.households = Set(Some(900));
    n.update(&app.db).await.unwrap();
    if published {
        let status = comp.status;
        let mut c = comp.into_active_model();
        c.status = Set(status);
        c.update(&app.db).await.unwrap();
    }
    id
}
