//! Read marks in the reader: marking, bulk marks and undo, unread counts, debounced
//! saves and picking up marks made by other processes.

use std::time::{Duration, Instant, SystemTime};

use super::app::Focus;
use super::app::{App, Overlay, group_digits};
use super::days::day_of;
use crate::state::Persistence;

/// How often the reader checks whether another process changed the marks.
const REFRESH_EVERY: Duration = Duration::from_secs(2);

impl App {
    /// Recounts unread articles per day from the read state.
    pub(super) fn recount_unread(&mut self) {
        let digest = &self.digest;
        let read = &self.read;
        self.day_unread = self
            .days
            .iter()
            .map(|d| {
                (d.start..d.end)
                    .filter(|&a| {
                        digest
                            .articles
                            .get(a as usize)
                            .is_some_and(|x| !read.is_read(x.id))
                    })
                    .count() as u32
            })
            .collect();
    }

    pub(super) fn state_mtime(&self) -> Option<SystemTime> {
        match self.read.persistence() {
            Persistence::Disk(path) => std::fs::metadata(path).and_then(|m| m.modified()).ok(),
            Persistence::MemoryOnly { .. } => None,
        }
    }

    /// How long the event loop may wait before `tick` has work to do.
    pub fn next_tick_in(&self, now: Instant) -> Duration {
        self.save_timer
            .time_left(now)
            .unwrap_or(REFRESH_EVERY)
            .min(REFRESH_EVERY)
    }

    /// Saves marks when the debounce delay is up, and picks up marks made by other
    /// processes when the state file changed. Returns whether the screen needs a redraw.
    pub fn tick(&mut self, now: Instant) -> bool {
        if self.save_timer.is_due(now) {
            self.save_now();
            return true;
        }
        if now.duration_since(self.last_refresh_check) >= REFRESH_EVERY {
            self.last_refresh_check = now;
            let mtime = self.state_mtime();
            if mtime.is_some() && mtime != self.state_seen {
                if let Err(e) = self.read.refresh() {
                    self.message = Some(format!("Could not re-read marks: {e}"));
                }
                self.after_disk_sync();
                return true;
            }
        }
        false
    }

    /// Writes pending marks now (also on quit). Failures keep the marks pending for a retry.
    pub fn save_now(&mut self) {
        self.save_timer.saved();
        if !self.read.has_pending() {
            return;
        }
        if let Err(e) = self.read.save() {
            self.message = Some(format!("Marks not saved yet: {e}"));
            self.save_timer.changed(Instant::now());
        }
        self.after_disk_sync();
    }

    pub(super) fn after_disk_sync(&mut self) {
        self.state_seen = self.state_mtime();
        if let Some(w) = self.read.take_warnings().into_iter().last() {
            self.message = Some(w);
        }
        self.recount_unread();
    }

    pub fn set_read(&mut self, article: u32, read: bool) {
        let Some(a) = self.digest.articles.get(article as usize) else {
            return;
        };
        let was = self.read.is_read(a.id);
        if was == read {
            return;
        }
        self.read.set_read(a.id, read);
        self.save_timer.changed(Instant::now());
        if let Some(count) = day_of(&self.days, article).and_then(|d| self.day_unread.get_mut(d)) {
            if read {
                *count = count.saturating_sub(1);
            } else {
                *count += 1;
            }
        }
    }

    pub(super) fn mark_bulk(&mut self, articles: &[u32]) {
        let before: Vec<(u32, bool)> = articles.iter().map(|&a| (a, self.is_read(a))).collect();
        for &a in articles {
            self.set_read(a, true);
        }
        self.message = Some(format!(
            "Marked {} read · U undoes",
            group_digits(articles.len())
        ));
        self.undo = Some(before);
    }

    pub(super) fn confirm_bulk_mark(&mut self) {
        if let Overlay::Confirm(bulk) = std::mem::take(&mut self.overlay) {
            self.mark_bulk(&bulk.articles);
        }
    }

    pub(super) fn mark_day_read(&mut self) {
        let day = match self.focus {
            Focus::Dates => self.selected_day().copied(),
            _ => self
                .selected_article()
                .and_then(|a| day_of(&self.days, a))
                .and_then(|d| self.days.get(d).copied()),
        };
        match day {
            Some(day) => {
                let articles: Vec<u32> = (day.start..day.end).collect();
                self.mark_bulk(&articles);
            }
            None => self.message = Some("Pick a day first (M marks the whole view)".into()),
        }
    }

    pub(super) fn undo_bulk_mark(&mut self) {
        match self.undo.take() {
            Some(before) => {
                for &(a, read) in &before {
                    self.set_read(a, read);
                }
                self.message = Some(format!("Undone: {} restored", group_digits(before.len())));
            }
            None => self.message = Some("Nothing to undo".into()),
        }
    }
}
