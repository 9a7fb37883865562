//! Free-text region search from memory. The registry only changes at start-up, so each
//! instance reads its 91,599 names once, on the first search, and answers from that copy:
//! a `LIKE '%…%'` scan cost two full table scans (count and page) per request, about 40
//! searches a second. Instances stay stateless: every one builds the same copy.

use rocket::tokio::sync::OnceCell;
use sea_orm::{ConnectionTrait, DbErr};

use super::regions::{Region, RegionQuery, children_of_level};
use crate::registry::Level;

/// One region with its lower-cased name, ordered by level then code.
struct Entry {
    region: Region,
    name: String,
}

/// The registry in search order.
pub struct RegionIndex {
    entries: Vec<Entry>,
}

impl RegionIndex {
    /// Orders `regions` by level, then code (the order the database search pages in).
    #[must_use]
    pub fn new(regions: Vec<Region>) -> Self {
        let mut entries: Vec<Entry> = regions
            .into_iter()
            .map(|region| Entry {
                name: region.name.to_lowercase(),
                region,
            })
            .collect();
        entries.sort_by(|a, b| {
            let rank = |l: Level| Level::ALL.iter().position(|x| *x == l);
            (rank(a.region.level), &a.region.code).cmp(&(rank(b.region.level), &b.region.code))
        });
        RegionIndex { entries }
    }

    /// One page of matches and the total: a name containing the text (any case) or a code
    /// starting with it, at the query's level and inside its region.
    #[must_use]
    pub fn search(&self, q: &RegionQuery, page: u64, per_page: u64) -> (Vec<Region>, u64) {
        let text = q.text.as_deref().map(str::trim).filter(|t| !t.is_empty());
        let lowered = text.map(str::to_lowercase);
        let within = q.within.as_ref().map(|w| format!("{w}."));
        let matches = self.entries.iter().filter(|e| {
            q.level.is_none_or(|l| e.region.level == l)
                && within
                    .as_deref()
                    .is_none_or(|w| e.region.code.starts_with(w))
                && match (text, lowered.as_deref()) {
                    (Some(t), Some(lower)) => {
                        e.name.contains(lower) || e.region.code.starts_with(t)
                    }
                    _ => true,
                }
        });
        let skip = usize::try_from(page.saturating_mul(per_page)).unwrap_or(usize::MAX);
        let take = usize::try_from(per_page).unwrap_or(usize::MAX);
        let mut total = 0u64;
        let mut out = Vec::new();
        for (i, e) in matches.enumerate() {
            total += 1;
            if i >= skip && out.len() < take {
                out.push(e.region.clone());
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
