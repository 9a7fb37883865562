//! The four set-up lists as [`OrderedList`]s: which column scopes and orders each, and how
//! its checked fields are written.

use entity::{criterion, document_requirement, prize_tier, stage};
use sea_orm::Set;
use uuid::Uuid;

use super::ordered::OrderedList;
use super::{CriterionFields, DocumentFields, PrizeFields, StageFields};

impl OrderedList for stage::Entity {
    type Fields = StageFields;
    const ID: stage::Column = stage::Column::Id;
    const SCOPE: stage::Column = stage::Column::CompetitionId;
    const ORDER: stage::Column = stage::Column::Position;
    const TIE: Option<stage::Column> = Some(stage::Column::Code);
    const FIRST: i32 = 0;
    const UNIQUE: bool = false;
    const CLOSE_GAPS: bool = true;

    fn id(m: &stage::Model) -> Uuid {
        m.id
    }
    fn scope(m: &stage::Model) -> Uuid {
        m.competition_id
    }
    fn order(m: &stage::Model) -> i32 {
        m.position
    }
    fn blank(scope: Uuid, order: i32) -> stage::ActiveModel {
        stage::ActiveModel {
            id: Set(Uuid::new_v4()),
            competition_id: Set(scope),
            position: Set(order),
            ..Default::default()
        }
    }
    fn set_order(a: &mut stage::ActiveModel, order: i32) {
        a.position = Set(order);
    }
    fn apply(a: &mut stage::ActiveModel, f: &StageFields) {
        a.code = Set(f.code.clone());
        a.name = Set(f.name.clone());
        a.kind = Set(f.kind.clone());
        a.weight = Set(f.weight);
        a.aggregation = Set(f.aggregation.clone());
        a.trim_k = Set(f.trim_k);
        a.quorum = Set(f.quorum);
        a.shortlist = Set(f.shortlist);
        a.pass_threshold = Set(f.pass_threshold);
        a.normalize = Set(f.normalize);
        a.min_entries_per_judge = Set(f.min_entries_per_judge);
        a.judges_per_entry = Set(f.judges_per_entry);
    }
}

/// Criteria: one list per stage and parent.
impl OrderedList for criterion::Entity {
    type Fields = CriterionFields;
    const ID: criterion::Column = criterion::Column::Id;
    const SCOPE: criterion::Column = criterion::Column::StageId;
    const ORDER: criterion::Column = criterion::Column::Position;
    const TIE: Option<criterion::Column> = Some(criterion::Column::Code);
    const FIRST: i32 = 0;
    const UNIQUE: bool = false;
    // The whole subtree goes; siblings keep their positions.
    const CLOSE_GAPS: bool = false;

    fn id(m: &criterion::Model) -> Uuid {
        m.id
    }
    fn scope(m: &criterion::Model) -> Uuid {
        m.stage_id
    }
    fn order(m: &criterion::Model) -> i32 {
        m.position
    }
    fn same_list(a: &criterion::Model, b: &criterion::Model) -> bool {
        a.parent_id == b.parent_id
    }
    fn blank(scope: Uuid, order: i32) -> criterion::ActiveModel {
        criterion::ActiveModel {
            id: Set(Uuid::new_v4()),
            stage_id: Set(scope),
            position: Set(order),
            ..Default::default()
        }
    }
    fn set_order(a: &mut criterion::ActiveModel, order: i32) {
        a.position = Set(order);
    }
    fn apply(a: &mut criterion::ActiveModel, f: &CriterionFields) {
        a.code = Set(f.code.clone());
        a.name = Set(f.name.clone());
        a.guidance = Set(f.guidance.clone());
        a.weight = Set(f.weight);
        a.scale_min = Set(f.scale_min);
        a.scale_max = Set(f.scale_max);
        a.scale_step = Set(f.scale_step);
        a.optional = Set(f.optional);
        a.requires_evidence = Set(f.requires_evidence);
        a.levels = Set(super::levels_json(&f.levels));
    }
}

impl OrderedList for document_requirement::Entity {
    type Fields = DocumentFields;
    const ID: document_requirement::Column = document_requirement::Column::Id;
    const SCOPE: document_requirement::Column = document_requirement::Column::CompetitionId;
    const ORDER: document_requirement::Column = document_requirement::Column::Position;
    const TIE: Option<document_requirement::Column> = Some(document_requirement::Column::Code);
    const FIRST: i32 = 0;
    const UNIQUE: bool = false;
    const CLOSE_GAPS: bool = false;

    fn id(m: &document_requirement::Model) -> Uuid {
        m.id
    }
    fn scope(m: &document_requirement::Model) -> Uuid {
        m.competition_id
    }
    fn order(m: &document_requirement::Model) -> i32 {
        m.position
    }
    fn blank(scope: Uuid, order: i32) -> document_requirement::ActiveModel {
        document_requirement::ActiveModel {
            id: Set(Uuid::new_v4()),
            competition_id: Set(scope),
            position: Set(order),
            ..Default::default()
        }
    }
    fn set_order(a: &mut document_requirement::ActiveModel, order: i32) {
        a.position = Set(order);
    }
    fn apply(a: &mut document_requirement::ActiveModel, f: &DocumentFields) {
        a.code = Set(f.code.clone());
        a.label = Set(f.label.clone());
        a.description = Set(f.description.clone());
        a.kind = Set(f.kind.clone());
        a.required = Set(f.required);
    }
}

/// The prize table: ranks 1, 2, 3…, unique per competition.
impl OrderedList for prize_tier::Entity {
    type Fields = PrizeFields;
    const ID: prize_tier::Column = prize_tier::Column::Id;
    const SCOPE: prize_tier::Column = prize_tier::Column::CompetitionId;
    const ORDER: prize_tier::Column = prize_tier::Column::Rank;
    const TIE: Option<prize_tier::Column> = None;
    const FIRST: i32 = 1;
    const UNIQUE: bool = true;
    const CLOSE_GAPS: bool = true;

    fn id(m: &prize_tier::Model) -> Uuid {
        m.id
    }
    fn scope(m: &prize_tier::Model) -> Uuid {
        m.competition_id
    }
    fn order(m: &prize_tier::Model) -> i32 {
        m.rank
    }
    fn blank(scope: Uuid, order: i32) -> prize_tier::ActiveModel {
        prize_tier::ActiveModel {
            id: Set(Uuid::new_v4()),
            competition_id: Set(scope),
            rank: Set(order),
            ..Default::default()
        }
    }
    fn set_order(a: &mut prize_tier::ActiveModel, order: i32) {
        a.rank = Set(order);
    }
    fn apply(a: &mut prize_tier::ActiveModel, f: &PrizeFields) {
        a.label = Set(f.label.clone());
        a.cash = Set(f.cash);
        a.assistance = Set(f.assistance);
        a.trophy = Set(f.trophy);
        a.certificate = Set(f.certificate);
    }
}
