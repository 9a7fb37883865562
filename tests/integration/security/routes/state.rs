//! What a refused write must leave as it was: the rows of every table a route writes (whole
//! rows of the small tables, counts of the large ones).

use entity::{
    api_token, appeal, audit_event, competition, criterion, disbursement, document_requirement,
    judge_conflict, nomination, nomination_document, panel_member, plenary_minutes,
    presentation_slot, prize_tier, result_snapshot, score, score_sheet, sheet_photo, stage, user,
};
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

/// The database as a comparable text.
pub async fn of(db: &DatabaseConnection) -> String {
    macro_rules! rows {
        ($($e:ident),*) => {{
            let mut s = String::new();
            $(s.push_str(&format!("{:?}\n", $e::Entity::find().all(db).await.unwrap()));)*
            s
        }};
    }
    macro_rules! counts {
        ($($e:ident),*) => {{
            let mut s = String::new();
            $(s.push_str(&format!("{} ", $e::Entity::find().count(db).await.unwrap()));)*
            s
        }};
    }
    let mut s = rows!(
        competition,
        stage,
        prize_tier,
        document_requirement,
        nomination,
        score_sheet,
        judge_conflict,
        panel_member,
        user,
        appeal,
        disbursement,
        plenary_minutes,
        presentation_slot,
        nomination_document,
        sheet_photo,
        api_token
    );
    s.push_str(&counts!(criterion, score, audit_event, result_snapshot));
    s
}
