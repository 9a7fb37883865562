//! Horizontal bar charts drawn on the server as inline SVG: no script, no library, nothing
//! fetched from elsewhere, so a chart shows on a cheap phone and in a saved page alike.
//!
//! The SVG has no `viewBox`: bars are sized in percent of its width and text in pixels, so
//! text stays readable at 360 px and at 1280 px instead of being scaled with the drawing.
//! Every number is also written as text next to its bar and, for screen readers, in the
//! `<desc>`. Pure: labels and values in, markup out.

use std::fmt::Write as _;

use juara_domain::Points;

use super::format;

/// Bar colours, one per series in order (each at least 3:1 against white).
const COLOURS: [&str; 3] = ["#0b6e4f", "#a86f00", "#687385"];
/// Text colour (the page's foreground).
const INK: &str = "#1d2430";
/// Share of the width a full-length bar takes, in percent; the rest holds its number.
const PLOT: i128 = 80;
const LEGEND_H: u32 = 24;
const LABEL_H: u32 = 18;
const BAR_H: u32 = 12;
const ROW_H: u32 = 16;
const GROUP_GAP: u32 = 8;
/// Longer labels are cut (with `…`) so they stay inside the drawing at 360 px.
const LABEL_CHARS: usize = 40;

/// A chart of groups (an aspect, a village), each with one bar per series.
#[derive(Clone, Debug)]
pub struct BarChart {
    id: String,
    title: String,
    max: Points,
    series: Vec<String>,
    groups: Vec<(String, Vec<Option<Points>>)>,
}

impl BarChart {
    /// An empty chart. `id` must be unique on the page; `max` is the value of a full bar.
    #[must_use]
    pub fn new(id: &str, title: &str, max: Points) -> Self {
        BarChart {
            id: id.to_owned(),
            title: title.to_owned(),
            max,
            series: Vec::new(),
            groups: Vec::new(),
        }
    }

    /// Names the series, in the order of each group's values.
    #[must_use]
    pub fn series(mut self, names: Vec<String>) -> Self {
        self.series = names;
        self
    }

    /// Adds a group: one value per series (`None`: no score, drawn as `—`).
    pub fn group(&mut self, label: String, values: Vec<Option<Points>>) {
        self.groups.push((label, values));
    }

    /// True when there is nothing to draw.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// The chart as an inline `<svg>` element.
    #[must_use]
    pub fn svg(&self) -> String {
        let legend = if self.series.len() > 1 { LEGEND_H } else { 0 };
        let per_group = LABEL_H + ROW_H * count(self.series.len()) + GROUP_GAP;
        let height = legend + per_group * count(self.groups.len());
        let id = escape(&self.id);
        let mut out = String::new();
        let _ = write!(
            out,
            r#"<svg class="chart" xmlns="http://www.w3.org/2000/svg" width="100%" height="{height}" role="img" aria-label="{title}" aria-describedby="{id}-desc"><title>{title}</title><desc id="{id}-desc">{desc}</desc>"#,
            title = escape(&self.title),
            desc = escape(&self.description()),
        );
        if legend > 0 {
            for (i, name) in self.series.iter().enumerate() {
                let x =
                    percent(i128::from(count(i)) * 10_000 / i128::from(count(self.series.len())));
                let _ = write!(
                    out,
                    r#"<rect class="key" x="{x}" y="4" width="12" height="12" fill="{c}"/><text x="{x}" dx="16" y="14" font-size="12" fill="{INK}">{name}</text>"#,
                    c = colour(i),
                    name = escape(name),
                );
            }
        }
        let mut y = legend;
        for (label, values) in &self.groups {
            let _ = write!(
                out,
                r#"<text x="0" y="{}" font-size="13" font-weight="600" fill="{INK}">{}</text>"#,
                y + 13,
                escape(&shorten(label)),
            );
            y += LABEL_H;
            for (i, value) in values.iter().enumerate() {
                match value {
                    Some(v) => {
                        let w = self.width(*v);
                        let _ = write!(
                            out,
                            r#"<rect class="bar" x="0" y="{y}" width="{w}" height="{BAR_H}" rx="2" fill="{c}"/><text x="{w}" dx="4" y="{ty}" font-size="12" fill="{INK}">{n}</text>"#,
                            c = colour(i),
                            ty = y + 10,
                            n = format::score(*v),
                        );
                    }
                    None => {
                        let _ = write!(
                            out,
                            r#"<text x="0" y="{}" font-size="12" fill="{INK}">—</text>"#,
                            y + 10
                        );
                    }
                }
                y += ROW_H;
            }
            y += GROUP_GAP;
        }
        out.push_str("</svg>");
        out
    }

    /// Every number in words for screen readers: `Aspek A: Desa kami 86,50, Juara I 90,00`.
    fn description(&self) -> String {
        self.groups
            .iter()
            .map(|(label, values)| {
                let numbers: Vec<String> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| {
                        let n = v.map_or_else(|| "—".to_owned(), format::score);
                        match self.series.get(i) {
                            Some(name) if self.series.len() > 1 => format!("{name} {n}"),
                            _ => n,
                        }
                    })
                    .collect();
                format!("{label}: {}", numbers.join(", "))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// A bar's width in percent of the drawing: proportional to `v / max`, at most [`PLOT`].
    fn width(&self, v: Points) -> String {
        let max = i128::from(self.max.units().max(1));
        let v = i128::from(v.units()).clamp(0, max);
        percent(v * PLOT * 100 / max)
    }
}

/// Hundredths of a percent as an SVG length: `5725` → `57.25%`.
fn percent(hundredths: i128) -> String {
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

fn colour(series: usize) -> &'static str {
    COLOURS.get(series % COLOURS.len()).copied().unwrap_or(INK)
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_owned()
    } else {
        let cut: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Text and attribute values in XML.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(whole: i64) -> Option<Points> {
        Some(Points::from_whole(whole))
    }

    fn widths(svg: &str) -> Vec<&str> {
        svg.split(r#"<rect class="bar""#)
            .skip(1)
            .filter_map(|r| r.split("width=\"").nth(1)?.split('"').next())
            .collect()
    }

    #[test]
    fn bar_widths_are_proportional_to_the_values() {
        let mut c = BarChart::new("c", "Nilai", Points::from_whole(100)).series(vec![
            "Desa".into(),
            "Juara".into(),
            "Rata-rata".into(),
        ]);
        c.group("Aspek A".into(), vec![pts(100), pts(50), pts(25)]);
        c.group(
            "Aspek B".into(),
            vec![Some(Points::from_units(865_000)), pts(0), None],
        );
        let svg = c.svg();
        assert_eq!(
            widths(&svg),
            ["80.00%", "40.00%", "20.00%", "69.20%", "0.00%"]
        );
        assert_eq!(
            svg.matches(r#"<rect class="bar""#).count(),
            5,
            "no bar for a missing score"
        );
        assert!(svg.contains(">86,50<") && svg.contains(">—<"), "{svg}");
    }

    #[test]
    fn values_above_the_maximum_are_capped() {
        let mut c = BarChart::new("c", "Nilai", Points::from_whole(50));
        c.group("A".into(), vec![pts(75)]);
        assert_eq!(widths(&c.svg()), ["80.00%"]);
    }

    #[test]
    fn labels_and_titles_are_escaped() {
        let mut c = BarChart::new("c\"1", "<b>Nilai & bobot</b>", Points::from_whole(100))
            .series(vec!["Desa 'kami'".into(), "Juara".into()]);
        c.group("<script>alert(1)</script>".into(), vec![pts(1), pts(2)]);
        let svg = c.svg();
        assert!(!svg.contains("<script>") && !svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains(r#"aria-label="&lt;b&gt;Nilai &amp; bobot&lt;/b&gt;""#));
        assert!(svg.contains("Desa &#39;kami&#39;"));
        assert!(svg.contains(r#"id="c&quot;1-desc""#));
    }

    #[test]
    fn the_numbers_are_also_text_for_screen_readers() {
        let mut c = BarChart::new("aspek", "Nilai aspek", Points::from_whole(100))
            .series(vec!["Desa kami".into(), "Juara I".into()]);
        c.group(
            "Aspek A".into(),
            vec![pts(80), Some(Points::from_units(921_288))],
        );
        let svg = c.svg();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"role="img""#) && svg.contains("<title>Nilai aspek</title>"));
        assert!(
            svg.contains(r#"<desc id="aspek-desc">Aspek A: Desa kami 80,00, Juara I 92,13</desc>"#),
            "{svg}"
        );
        assert_eq!(
            svg.matches(r#"class="key""#).count(),
            2,
            "a legend entry per series"
        );
    }

    #[test]
    fn long_labels_are_shortened_in_the_drawing_only() {
        let long = "Pemberdayaan kesejahteraan keluarga dan lembaga kemasyarakatan desa";
        let mut c = BarChart::new("c", "t", Points::from_whole(100));
        c.group(long.into(), vec![pts(1)]);
        let svg = c.svg();
        assert!(
            svg.contains("Pemberdayaan kesejahteraan keluarga dan…"),
            "{svg}"
        );
        assert!(
            svg.contains(&format!("{long}: 1,00")),
            "the full label in the description"
        );
        assert!(BarChart::new("c", "t", Points::ZERO).is_empty());
    }
}
