//! The committee's picture of a stage's judging: one row per judge, one column per entry,
//! each cell the state of that judge's sheet for that entry (not assigned, assigned but not
//! started, draft with n of m indicators, submitted, reopened, excluded for a conflict of
//! interest), with totals per row and column. Pure: built from rows read by
//! `db::judging::grid`.

use std::collections::HashSet;

use entity::{SheetStatus, criterion, score_sheet};
use serde::Serialize;
use uuid::Uuid;

use crate::db::judging::grid::GridRows;

/// The state of one cell (shown as colour, symbol and words).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CellState {
    /// No sheet: this judge does not score this entry.
    None,
    /// Assigned, nothing scored yet.
    Assigned,
    /// Some indicators scored, not submitted.
    Draft,
    /// Submitted.
    Submitted,
    /// Reopened by the committee after submission, not submitted again yet.
    Reopened,
    /// Withdrawn by a conflict of interest: kept, not counted.
    Excluded,
}

impl CellState {
    /// Every state, in the legend's order.
    pub const ALL: [CellState; 6] = [
        CellState::None,
        CellState::Assigned,
        CellState::Draft,
        CellState::Submitted,
        CellState::Reopened,
        CellState::Excluded,
    ];

    /// The symbol shown beside the words (colour alone tells nothing to some readers).
    #[must_use]
    pub fn icon(self) -> &'static str {
        match self {
            CellState::None => "·",
            CellState::Assigned => "○",
            CellState::Draft => "✎",
            CellState::Submitted => "✓",
            CellState::Reopened => "↺",
            CellState::Excluded => "⊘",
        }
    }
}

/// A state with its symbol, for cells and the legend.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Shown {
    pub state: CellState,
    pub icon: &'static str,
}

impl From<CellState> for Shown {
    fn from(state: CellState) -> Self {
        Shown {
            state,
            icon: state.icon(),
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub state: CellState,
    pub icon: &'static str,
    /// Indicators answered and in the judge's scope (drafts and reopened sheets).
    pub answered: usize,
    pub total: usize,
}

/// A column: one entry, with its counted sheets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Column {
    pub id: Uuid,
    pub name: String,
    pub submitted: usize,
    pub sheets: usize,
}

/// A row: one judge.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub id: Uuid,
    pub judge: String,
    pub cells: Vec<Cell>,
    pub submitted: usize,
    pub sheets: usize,
}

/// The whole grid, with the stage's totals.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Grid {
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    pub submitted: usize,
    pub sheets: usize,
    /// Every state with its symbol.
    pub legend: Vec<Shown>,
}

/// How many leaves (scored indicators) lie in the scope of a judge limited to `aspects`
/// (every leaf when empty): a leaf counts when it or an ancestor is one of the aspects.
fn leaves_in_scope(criteria: &[criterion::Model], aspects: &[Uuid]) -> HashSet<Uuid> {
    criteria
        .iter()
        .filter(|c| c.scale_min.is_some() && c.scale_max.is_some())
        .filter(|c| {
            if aspects.is_empty() {
                return true;
            }
            let mut node = Some(*c);
            while let Some(n) = node {
                if aspects.contains(&n.id) {
                    return true;
                }
                node = n
                    .parent_id
                    .and_then(|p| criteria.iter().find(|x| x.id == p));
            }
            false
        })
        .map(|c| c.id)
        .collect()
}

fn state_of(sheet: Option<&score_sheet::Model>) -> CellState {
    match sheet {
        None => CellState::None,
        Some(s) if s.excluded_at.is_some() => CellState::Excluded,
        Some(s) => match s.status {
            SheetStatus::Submitted => CellState::Submitted,
            _ if !s.reopen_reason.is_empty() => CellState::Reopened,
            SheetStatus::Draft => CellState::Draft,
            SheetStatus::Assigned => CellState::Assigned,
        },
    }
}

/// Builds the grid: `judges` (id, name) in panel order, `entries` (nomination id, village
/// name) in column order. A judge with sheets but no longer on the panel gets a row too.
#[must_use]
pub fn build(judges: &[(Uuid, String)], entries: &[(Uuid, String)], rows: &GridRows) -> Grid {
    let mut order: Vec<(Uuid, String)> = Vec::new();
    let on_panel = rows.panel.iter().map(|m| m.row.judge_id);
    let with_sheets = rows.sheets.iter().map(|s| s.judge_id);
    for id in on_panel.chain(with_sheets) {
        if order.iter().any(|(j, _)| *j == id) {
            continue;
        }
        let name = judges
            .iter()
            .find(|(j, _)| *j == id)
            .map_or_else(|| id.to_string(), |(_, n)| n.clone());
        order.push((id, name));
    }
    let mut columns: Vec<Column> = entries
        .iter()
        .map(|(id, name)| Column {
            id: *id,
            name: name.clone(),
            submitted: 0,
            sheets: 0,
        })
        .collect();
    let mut grid = Grid {
        legend: CellState::ALL.into_iter().map(Shown::from).collect(),
        ..Grid::default()
    };
    for (judge, name) in order {
        let aspects = rows
            .panel
            .iter()
            .find(|m| m.row.judge_id == judge)
            .map(|m| m.aspects.clone())
            .unwrap_or_default();
        let scope = leaves_in_scope(&rows.criteria, &aspects);
        let mut row = Row {
            id: judge,
            judge: name,
            cells: Vec::with_capacity(columns.len()),
            submitted: 0,
            sheets: 0,
        };
        for col in &mut columns {
            let mine = rows
                .sheets
                .iter()
                .filter(|s| s.judge_id == judge && s.nomination_id == col.id);
            // A counting sheet wins over an excluded one kept for the record.
            let sheet = mine
                .clone()
                .find(|s| s.excluded_at.is_none())
                .or_else(|| mine.clone().next());
            let state = state_of(sheet);
            let answered = sheet
                .and_then(|s| rows.answered.get(&s.id))
                .map_or(0, |ids| ids.iter().filter(|id| scope.contains(id)).count());
            if !matches!(state, CellState::None | CellState::Excluded) {
                row.sheets += 1;
                col.sheets += 1;
                if state == CellState::Submitted {
                    row.submitted += 1;
                    col.submitted += 1;
                }
            }
            row.cells.push(Cell {
                state,
                icon: state.icon(),
                answered,
                total: scope.len(),
            });
        }
        grid.sheets += row.sheets;
        grid.submitted += row.submitted;
        grid.rows.push(row);
    }
    grid.columns = columns;
    grid
}
