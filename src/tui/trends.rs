//! The trend view (`t`): which companies it plots, their mentions per bucket, and the
//! bucket under its cursor. Drawing is in `ui/trends.rs`.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Overlay, Stage};
use crate::companies::trends::{top_companies, top_companies_of_all};
use crate::companies::{CompanyId, Timeline};

/// The most companies one chart compares (and how many the top of the view gives).
pub const MAX_SERIES: usize = 6;
const TOP_OF_VIEW: usize = 5;

/// Why the trend view plots the companies it plots (its title says so).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Chosen {
    /// The company filter's chips.
    Chips,
    /// The company under the picker's cursor (with the chips, if any).
    Picker,
    /// The companies mentioned by most articles of the view.
    TopOfView,
}

/// One company's line in the chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub company: CompanyId,
    /// Articles mentioning the company, per bucket of the timeline.
    pub counts: Vec<u32>,
    pub total: u32,
}

impl Series {
    /// The busiest bucket (the first of equals) and its count.
    pub fn peak(&self) -> Option<(usize, u32)> {
        self.counts
            .iter()
            .copied()
            .enumerate()
            .rev()
            .max_by_key(|&(_, c)| c)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendView {
    pub timeline: Timeline,
    pub series: Vec<Series>,
    pub chosen: Chosen,
    /// The bucket whose counts are read out under the chart.
    pub cursor: usize,
}

impl App {
    /// Opens the trend view on the chips, else on the top companies of the view; from
    /// the picker, `picked` (the company under its cursor) is added to the chips.
    pub(super) fn open_trends(&mut self, picked: Option<CompanyId>) {
        let mut companies = self.company_filter.clone();
        let chosen = match picked {
            Some(id) => {
                companies.retain(|&c| c != id);
                companies.insert(0, id);
                Chosen::Picker
            }
            None if !companies.is_empty() => Chosen::Chips,
            None => {
                // The view holds distinct articles: as many as the digest means all of them.
                let top = if self.view.len() == self.digest.articles.len() {
                    top_companies_of_all(&self.companies, TOP_OF_VIEW)
                } else {
                    top_companies(&self.companies, &self.view, TOP_OF_VIEW)
                };
                companies = top.into_iter().map(|(id, _)| id).collect();
                Chosen::TopOfView
            }
        };
        companies.truncate(MAX_SERIES);
        if companies.is_empty() {
            let building = self.indexing.is_some_and(|p| p.stage == Stage::Companies);
            self.message = Some(if building {
                "Companies are still being indexed; trends in a moment".into()
            } else {
                "No company is mentioned in the view".into()
            });
            return;
        }
        let timeline = Timeline::new(&self.digest);
        let series: Vec<Series> = companies
            .into_iter()
            .map(|company| {
                let counts = timeline.company(&self.companies, company);
                let total = counts.iter().sum();
                Series {
                    company,
                    counts,
                    total,
                }
            })
            .collect();
        // Start on the first company's busiest bucket: when it was most in the news.
        let cursor = series.first().and_then(Series::peak).map_or(0, |(i, _)| i);
        self.overlay = Overlay::Trends(Box::new(TrendView {
            timeline,
            series,
            chosen,
            cursor,
        }));
    }

    pub(super) fn trends_key(&mut self, key: KeyEvent) {
        let Overlay::Trends(view) = &mut self.overlay else {
            return;
        };
        let last = view.timeline.len().saturating_sub(1);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 't') => self.overlay = Overlay::None,
            KeyCode::Left | KeyCode::Char('h') => view.cursor = view.cursor.saturating_sub(1),
            KeyCode::Right | KeyCode::Char('l') => view.cursor = (view.cursor + 1).min(last),
            KeyCode::Home | KeyCode::Char('g') => view.cursor = 0,
            KeyCode::End | KeyCode::Char('G') => view.cursor = last,
            _ => {}
        }
    }
}
