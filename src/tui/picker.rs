//! The company picker: companies by article count, narrowed as you type; Enter adds a
//! chip, or removes it when the company is one already.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Position;

use super::app::{App, Overlay};
use crate::companies::CompanyId;
use crate::companies::index::fragment_key;

/// One company offered by the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PickerRow<'a> {
    pub company: CompanyId,
    /// Articles mentioning it.
    pub count: usize,
    /// The alias the typed text was found in, when the name does not contain it.
    pub alias: Option<&'a str>,
}

impl App {
    /// Companies offered by the picker for what has been typed, most-mentioned first;
    /// names starting with the typed text come before names merely containing it. The
    /// text is matched as the CLI's `--company` matches names (case, dots and the kind
    /// of apostrophe ignored, a possessive left off), in names and in aliases.
    pub fn picker_rows(&self, typed: &str) -> Vec<PickerRow<'_>> {
        let key = fragment_key(typed);
        let rows = self
            .companies
            .by_count()
            .into_iter()
            .filter(|&(_, count)| count > 0);
        let (mut starts, mut contains): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
        for (company, count) in rows {
            let row = |alias| PickerRow {
                company,
                count,
                alias,
            };
            if key.is_empty() {
                starts.push(row(None));
                continue;
            }
            match self.companies.match_fragment(company, &key) {
                Some(m) if m.starts => starts.push(row(m.alias)),
                Some(m) => contains.push(row(m.alias)),
                None => {}
            }
        }
        starts.extend(contains);
        starts
    }

    /// The company under the picker's cursor.
    fn picker_cursor_company(&self) -> Option<CompanyId> {
        let Overlay::Picker(picker) = &self.overlay else {
            return None;
        };
        let rows = self.picker_rows(&picker.input.lines().join(" "));
        rows.get(picker.selected.min(rows.len().saturating_sub(1)))
            .map(|row| row.company)
    }

    /// Filters the view by one more company (a chip in the status bar).
    pub(super) fn add_company_chip(&mut self, id: CompanyId) {
        if !self.company_filter.contains(&id) {
            self.company_filter.push(id);
        }
        self.headline_selected = 0;
        self.recompute_view();
    }

    /// Enter in the picker: a company not yet a chip becomes one; a chip is removed.
    fn toggle_company_chip(&mut self, id: CompanyId) {
        if self.company_filter.contains(&id) {
            self.remove_company_chip(id);
        } else {
            self.add_company_chip(id);
        }
    }

    /// Drops one chip and keeps every other filter (the selected article stays selected
    /// when it is still in the view).
    fn remove_company_chip(&mut self, id: CompanyId) {
        self.company_filter.retain(|&c| c != id);
        self.recompute_view();
        self.message = Some(format!("Removed @{}", self.companies.name(id)));
    }

    /// Drops the chip added last (`C`); Esc still clears every filter at once.
    pub(super) fn remove_last_company_chip(&mut self) {
        match self.company_filter.last() {
            Some(&id) => self.remove_company_chip(id),
            None => self.message = Some("No company chips to remove".into()),
        }
    }

    /// A click in the article view: on a company name, filter by that company.
    pub(super) fn click_article(&mut self, at: Position) {
        let hit = self
            .company_hits
            .iter()
            .find(|(area, _)| area.contains(at))
            .map(|&(_, id)| id);
        if let Some(id) = hit {
            self.add_company_chip(id);
            self.message = Some(format!("Filtered by @{}", self.companies.name(id)));
        }
    }

    pub(super) fn picker_key(&mut self, key: KeyEvent) {
        let Overlay::Picker(picker) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Down => {
                // Stops on the last row, so Up moves at once from there.
                let typed = picker.input.lines().join(" ");
                let last = self.picker_rows(&typed).len();
                if let Overlay::Picker(picker) = &mut self.overlay {
                    picker.selected = (picker.selected + 1).min(last.saturating_sub(1));
                }
            }
            KeyCode::Up => picker.selected = picker.selected.saturating_sub(1),
            KeyCode::Enter => {
                let picked = self.picker_cursor_company();
                self.overlay = Overlay::None;
                if let Some(id) = picked {
                    self.toggle_company_chip(id);
                }
            }
            KeyCode::Char('t') if key.modifiers.contains(KeyModifiers::CONTROL) => {
                if let Some(id) = self.picker_cursor_company() {
                    self.open_trends(Some(id));
                }
            }
            _ => {
                if picker.input.input(key) {
                    picker.selected = 0;
                }
            }
        }
    }
}
