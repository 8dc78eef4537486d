//! Days of the digest: contiguous ranges of the date-sorted article list.

use chrono::NaiveDate;

use crate::digest::Digest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub date: NaiveDate,
    /// Article indices `start..end` in `digest.articles`.
    pub start: u32,
    pub end: u32,
}

impl Day {
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    pub fn contains(&self, article: u32) -> bool {
        (self.start..self.end).contains(&article)
    }
}

/// The days, newest first (the order the date list shows them).
pub fn days_newest_first(digest: &Digest) -> Vec<Day> {
    let mut days: Vec<Day> = Vec::new();
    for (i, a) in digest.articles.iter().enumerate() {
        let i = i as u32;
        match days.last_mut() {
            Some(day) if day.date == a.date => day.end = i + 1,
            _ => days.push(Day {
                date: a.date,
                start: i,
                end: i + 1,
            }),
        }
    }
    days.reverse();
    days
}

/// Index (into the newest-first list) of the day holding `article`.
pub fn day_of(days: &[Day], article: u32) -> Option<usize> {
    // Newest first means `start` decreases with the index.
    let pos = days.partition_point(|d| d.start > article);
    days.get(pos).filter(|d| d.contains(article)).map(|_| pos)
}
