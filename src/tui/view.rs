//! The headline list: the date, the query, the company chips and unread-only, combined.

use super::app::App;
use super::days::Day;
use crate::facts::Facts;

impl App {
    /// Rebuilds the headline list from the date, filter, companies and unread settings,
    /// keeping the selected article selected (and scrolled) when it is still there.
    pub fn recompute_view(&mut self) {
        let keep = self.selected_article();
        let days: &[Day] = match self.date_selected.checked_sub(1) {
            Some(i) => self.days.get(i..=i).unwrap_or(&[]),
            None => &self.days,
        };
        // The query's matches and the company chips' posting lists, intersected: sorted
        // article indices (= date order), or None for every article.
        let mut matches: Option<Vec<u32>> = (!self.filter.is_empty()).then(|| {
            let facts = Facts {
                digest: &self.digest,
                companies: &self.companies,
                read: &self.read,
            };
            self.filter.evaluate(&self.digest, &facts, &self.text_index)
        });
        for &company in &self.company_filter {
            let postings = self.companies.articles_of(company);
            matches = Some(match matches {
                None => postings.to_vec(),
                Some(m) => intersect_sorted(&m, postings),
            });
        }
        let keeps = |a: u32| {
            !self.unread_only
                || self
                    .digest
                    .articles
                    .get(a as usize)
                    .is_some_and(|article| !self.read.is_read(article.id))
        };
        let mut view = Vec::new();
        for day in days {
            match &matches {
                Some(m) => {
                    let lo = m.partition_point(|&x| x < day.start);
                    let hi = m.partition_point(|&x| x < day.end);
                    view.extend(
                        m.get(lo..hi)
                            .unwrap_or(&[])
                            .iter()
                            .copied()
                            .filter(|&a| keeps(a)),
                    );
                }
                None => view.extend((day.start..day.end).filter(|&a| keeps(a))),
            }
        }
        self.view = view;
        self.headline_selected = keep
            .and_then(|k| self.view.iter().position(|&a| a == k))
            .unwrap_or(
                self.headline_selected
                    .min(self.view.len().saturating_sub(1)),
            );
        if self.selected_article() != keep {
            self.article_scroll = 0;
        }
    }
}

/// The elements of two ascending lists found in both.
fn intersect_sorted(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    while let (Some(&x), Some(&y)) = (a.get(i), b.get(j)) {
        match x.cmp(&y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(x);
                i += 1;
                j += 1;
            }
        }
    }
    out
}
