//! The stages of a village's score protocol as the page shows them: every criterion with its
//! panel score, weight and contribution and each judge's value ("Juri n", trimmed values
//! marked), the judges' published comments, and the aspect scores against the winner and the
//! field average as an SVG chart. Numbers are only formatted here; the engine computed them.

use juara_domain::Points;
use juara_domain::explanation::{EntryExplanation, judge_label};
use juara_domain::sheet::ScoreValue;
use serde::Serialize;

use crate::db::results::inputs::entry_id;
use crate::i18n;
use crate::results::Published;
use crate::views::chart::BarChart;
use crate::views::format;

#[derive(Serialize)]
pub(super) struct JudgeValueView {
    label: String,
    value: String,
    trimmed: bool,
}

#[derive(Serialize)]
pub(super) struct CriterionView {
    code: String,
    name: String,
    depth: u32,
    panel_score: String,
    weight: String,
    contribution: String,
    not_applicable: bool,
    judges: Vec<JudgeValueView>,
}

#[derive(Serialize)]
pub(super) struct StageView {
    comments: Vec<String>,
    code: String,
    name: String,
    score: String,
    criteria: Vec<CriterionView>,
    /// The aspects against the winner and the average, as an inline SVG (empty: no aspects).
    chart: String,
}

fn show(p: Option<Points>) -> String {
    p.map_or_else(|| "—".into(), format::score)
}

/// Panel score of a stage's node for an entry's explanation.
fn node_score(e: &EntryExplanation, stage: &str, node: u32) -> Option<Points> {
    e.stages
        .iter()
        .find(|s| s.stage == stage)?
        .criteria
        .iter()
        .find(|c| c.node == node)?
        .panel_score
}

/// Every stage the entry was scored in, in the competition's order.
pub(super) fn stages_of(p: &Published, e: &EntryExplanation, lang: &str) -> Vec<StageView> {
    let nomination = crate::db::results::inputs::nomination_of(e.entry);
    let winner = p
        .lines
        .first()
        .and_then(|l| p.result.explanation(entry_id(l.nomination_id)));
    let field: Vec<EntryExplanation> = p.result.explanations().collect();
    e.stages
        .iter()
        .enumerate()
        .filter_map(|(index, st)| {
            let info = p.stages.iter().find(|s| s.code == st.stage)?;
            let criteria = st
                .criteria
                .iter()
                .filter_map(|line| {
                    let node = info.criteria.get(usize::try_from(line.node).ok()?)?;
                    let judges = st
                        .values
                        .iter()
                        .filter(|v| v.node == line.node)
                        .map(|v| JudgeValueView {
                            label: judge_label(v.label),
                            value: match v.value {
                                ScoreValue::Value(x) => format::trimmed(x),
                                ScoreValue::NotApplicable => "TB".into(),
                            },
                            trimmed: v.trimmed,
                        })
                        .collect();
                    Some(CriterionView {
                        code: node.code.clone(),
                        name: node.name.clone(),
                        depth: node.depth,
                        panel_score: show(line.panel_score),
                        weight: format::trimmed(line.effective_weight),
                        contribution: format::score(line.contribution),
                        not_applicable: line.not_applicable,
                        judges,
                    })
                })
                .collect();
            let title = i18n::t_args(lang, "res-chart-stage", &[("stage", info.name.clone())]);
            let mut chart =
                BarChart::new(&format!("aspects-{index}"), &title, Points::from_whole(100)).series(
                    vec![
                        i18n::t(lang, "res-chart-mine"),
                        i18n::t(lang, "res-chart-winner"),
                        i18n::t(lang, "res-chart-average"),
                    ],
                );
            for (i, n) in info
                .criteria
                .iter()
                .enumerate()
                .filter(|(_, n)| n.depth == 0)
            {
                let Ok(node) = u32::try_from(i) else { continue };
                let mine = node_score(e, &st.stage, node);
                let win = winner.as_ref().and_then(|w| node_score(w, &st.stage, node));
                let field_scores = field.iter().filter_map(|x| node_score(x, &st.stage, node));
                let avg = Points::mean(field_scores);
                chart.group(format!("{} {}", n.code, n.name), vec![mine, win, avg]);
            }
            let comments = p
                .comments
                .iter()
                .filter(|c| c.nomination_id == nomination && c.stage == st.stage)
                .map(|c| format!("{} ({}): {}", judge_label(c.label), c.criterion, c.text))
                .collect();
            Some(StageView {
                comments,
                code: info.code.clone(),
                name: info.name.clone(),
                score: show(st.score),
                criteria,
                chart: if chart.is_empty() {
                    String::new()
                } else {
                    chart.svg()
                },
            })
        })
        .collect()
}
