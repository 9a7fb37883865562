//! A competition's whole set-up as plain data: read for clones and the engine, written for
//! templates and clones.

use entity::{criterion, document_requirement, prize_tier, stage};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, EntityTrait, Set};
use uuid::Uuid;

use super::ordered::{OrderedList, append, next_order};
use super::{
    CriterionData, CriterionFields, DocumentFields, PrizeFields, SetupData, StageData, StageFields,
    list_criteria, list_documents, list_prizes, list_stages, tree_order,
};

/// The whole set-up of a competition as plain data (criteria parents before children).
pub async fn load_setup<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
) -> Result<SetupData, DbErr> {
    let mut stages = Vec::new();
    for s in list_stages(db, competition_id).await? {
        let rows = list_criteria(db, s.id).await?;
        let criteria = tree_order(&rows)
            .into_iter()
            .map(|(c, _)| CriterionData {
                id: Some(c.id),
                parent_code: c
                    .parent_id
                    .and_then(|p| rows.iter().find(|r| r.id == p))
                    .map(|p| p.code.clone()),
                fields: CriterionFields::of(c),
            })
            .collect();
        stages.push(StageData {
            id: Some(s.id),
            fields: StageFields {
                code: s.code,
                name: s.name,
                kind: s.kind,
                weight: s.weight,
                aggregation: s.aggregation,
                trim_k: s.trim_k,
                quorum: s.quorum,
                shortlist: s.shortlist,
                pass_threshold: s.pass_threshold,
                normalize: s.normalize,
                min_entries_per_judge: s.min_entries_per_judge,
                judges_per_entry: s.judges_per_entry,
            },
            criteria,
        });
    }
    let documents = list_documents(db, competition_id)
        .await?
        .into_iter()
        .map(|d| DocumentFields {
            code: d.code,
            label: d.label,
            description: d.description,
            kind: d.kind,
            required: d.required,
        })
        .collect();
    let prizes = list_prizes(db, competition_id)
        .await?
        .into_iter()
        .map(|p| PrizeFields {
            label: p.label,
            cash: p.cash,
            assistance: p.assistance,
            trophy: p.trophy,
            certificate: p.certificate,
        })
        .collect();
    Ok(SetupData {
        stages,
        documents,
        prizes,
    })
}

/// Writes a whole set-up into an (empty) competition: templates and clones. Call it inside the
/// transaction that created the competition.
pub async fn insert_setup<C: ConnectionTrait>(
    db: &C,
    competition_id: Uuid,
    data: &SetupData,
) -> Result<(), DbErr> {
    for (position, s) in (0..).zip(&data.stages) {
        let stage_id = Uuid::new_v4();
        let mut a = stage::Entity::blank(competition_id, position);
        a.id = Set(stage_id);
        stage::Entity::apply(&mut a, &s.fields);
        a.insert(db).await?;
        let mut ids: Vec<(&str, Uuid)> = Vec::new();
        let mut rows = Vec::new();
        let mut placed: Vec<(Option<Uuid>, i32)> = Vec::new();
        for c in &s.criteria {
            let id = Uuid::new_v4();
            let parent_id = match &c.parent_code {
                None => None,
                Some(code) => match ids.iter().find(|(k, _)| k == code) {
                    Some((_, id)) => Some(*id),
                    None => {
                        return Err(DbErr::Custom(format!(
                            "criterion {} comes before its parent {code}",
                            c.fields.code
                        )));
                    }
                },
            };
            let position = next_order::<criterion::Entity>(
                placed
                    .iter()
                    .filter(|(p, _)| *p == parent_id)
                    .map(|(_, pos)| *pos),
            );
            placed.push((parent_id, position));
            ids.push((c.fields.code.as_str(), id));
            let mut a = criterion::Entity::blank(stage_id, position);
            a.id = Set(id);
            a.parent_id = Set(parent_id);
            criterion::Entity::apply(&mut a, &c.fields);
            rows.push(a);
        }
        if !rows.is_empty() {
            criterion::Entity::insert_many(rows).exec(db).await?;
        }
    }
    for d in &data.documents {
        append::<document_requirement::Entity, C>(db, competition_id, d, |_| true, |_| {}).await?;
    }
    for p in &data.prizes {
        append::<prize_tier::Entity, C>(db, competition_id, p, |_| true, |_| {}).await?;
    }
    Ok(())
}
