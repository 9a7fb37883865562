//! Free-text region search from memory. The registry only changes at start-up, so each
//! instance reads its 91,599 names once, on the first search, and answers from that copy:
//! a `LIKE '%…%'` scan cost two full table scans (count and page) per request, about 40
//! searches a second. Instances stay stateless: every one builds the same copy.

use memchr::memmem;
use rocket::tokio::sync::OnceCell;
use sea_orm::{ConnectionTrait, DbErr};

use super::regions::{Region, RegionQuery, children_of_level};
use crate::registry::Level;

/// The registry in search order (level, then code), with every lower-cased name laid end
/// to end in one buffer so a name search is a single SIMD pass over about 1 MB instead of
/// 91,599 separate substring searches.
pub struct RegionIndex {
    regions: Vec<Region>,
    /// Lower-cased names, each followed by a newline.
    names: Vec<u8>,
    /// Where each region's name starts in `names`.
    starts: Vec<usize>,
}

impl RegionIndex {
    /// Orders `regions` by level, then code (the order the database search pages in).
    #[must_use]
    pub fn new(mut regions: Vec<Region>) -> Self {
        let rank = |l: Level| Level::ALL.iter().position(|x| *x == l);
        regions.sort_by(|a, b| (rank(a.level), &a.code).cmp(&(rank(b.level), &b.code)));
        let mut names = Vec::new();
        let mut starts = Vec::with_capacity(regions.len());
        for r in &regions {
            starts.push(names.len());
            names.extend_from_slice(r.name.to_lowercase().as_bytes());
            names.push(b'\n');
        }
        RegionIndex {
            regions,
            names,
            starts,
        }
    }

    /// Positions (in search order) of regions whose name contains `lower` or whose code
    /// starts with `text`.
    fn text_matches(&self, text: &str, lower: &str) -> Vec<usize> {
        let mut by_name: Vec<usize> = Vec::new();
        if !lower.contains('\n') {
            let finder = memmem::Finder::new(lower.as_bytes());
            let (mut from, mut i) = (0, 0);
            while let Some(offset) = self.names.get(from..).and_then(|rest| finder.find(rest)) {
                let at = from + offset;
                // Matches come in buffer order, so the owning name only moves forward.
                while self.starts.get(i + 1).is_some_and(|&next| next <= at) {
                    i += 1;
                }
                by_name.push(i);
                // One hit per name is enough: go on from the next name.
                match self.starts.get(i + 1) {
                    Some(&next) => from = next,
                    None => break,
                }
            }
        }
        // Codes are digits and dots: only such text can be a code prefix. Within a level the
        // codes are sorted, so the ones starting with `text` are one run found by bisection.
        if !text.starts_with(|c: char| c.is_ascii_digit()) {
            return by_name;
        }
        let mut by_code = Vec::new();
        let mut level_start = 0;
        while level_start < self.regions.len() {
            let level = self.regions[level_start].level;
            let len = self.regions[level_start..].partition_point(|r| r.level == level);
            let level_rows = &self.regions[level_start..level_start + len];
            let first = level_rows.partition_point(|r| r.code.as_str() < text);
            by_code.extend(
                (first..len)
                    .take_while(|&j| level_rows[j].code.starts_with(text))
                    .map(|j| level_start + j),
            );
            level_start += len;
        }
        let mut all: Vec<usize> = by_name.into_iter().chain(by_code).collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// One page of matches and the total: a name containing the text (any case) or a code
    /// starting with it, at the query's level and inside its region.
    #[must_use]
    pub fn search(&self, q: &RegionQuery, page: u64, per_page: u64) -> (Vec<Region>, u64) {
        let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let candidates: Box<dyn Iterator<Item = &Region>> = match text {
            Some(t) => Box::new(
                self.text_matches(t, &t.to_lowercase())
                    .into_iter()
                    .map(|i| &self.regions[i]),
            ),
            None => Box::new(self.regions.iter()),
        };
        let within = q.within.as_ref().map(|w| format!("{w}."));
        let matches = candidates.filter(|r| {
            q.level.is_none_or(|l| r.level == l)
                && within.as_deref().is_none_or(|w| r.code.starts_with(w))
        });
        let skip = usize::try_from(page.saturating_mul(per_page)).unwrap_or(usize::MAX);
        let take = usize::try_from(per_page).unwrap_or(usize::MAX);
        let mut total = 0u64;
        let mut out = Vec::new();
        for (i, r) in matches.enumerate() {
            total += 1;
            if i >= skip && out.len() < take {
                out.push(r.clone());
            }
        }
        (out, total)
    }
}

/// The per-instance index, built on first use (managed as Rocket state).
#[derive(Default)]
pub struct RegionSearch {
    index: OnceCell<RegionIndex>,
}

impl RegionSearch {
    /// Searches, reading the registry first if this instance has not yet.
    pub async fn search<C: ConnectionTrait>(
        &self,
        db: &C,
        q: &RegionQuery,
        page: u64,
        per_page: u64,
    ) -> Result<(Vec<Region>, u64), DbErr> {
        let index = self
            .index
            .get_or_try_init(|| async {
                let mut all = Vec::new();
                for level in Level::ALL {
                    all.extend(children_of_level(db, level).await?);
                }
                Ok::<_, DbErr>(RegionIndex::new(all))
            })
            .await?;
        Ok(index.search(q, page, per_page))
    }
}
