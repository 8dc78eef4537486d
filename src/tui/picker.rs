//! The company picker: companies by article count, narrowed as you type; Enter adds a chip.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use super::app::{App, Overlay};
use crate::companies::CompanyId;

impl App {
    /// Companies offered by the picker for what has been typed, most-mentioned first;
    /// names starting with the typed text come before names merely containing it.
    pub fn picker_rows(&self, typed: &str) -> Vec<(CompanyId, usize)> {
        let typed = typed.trim().to_lowercase();
        let rows = self
            .companies
            .by_count()
            .into_iter()
            .filter(|(_, n)| *n > 0);
        if typed.is_empty() {
            return rows.collect();
        }
        let (mut starts, mut contains): (Vec<_>, Vec<_>) = (Vec::new(), Vec::new());
        for row in rows {
            let name = self.companies.name(row.0).to_lowercase();
            if name.starts_with(&typed) {
                starts.push(row);
            } else if name.contains(&typed) {
                contains.push(row);
            }
        }
        starts.extend(contains);
        starts
    }

    pub(super) fn picker_key(&mut self, key: KeyEvent) {
        let Overlay::Picker(picker) = &mut self.overlay else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.overlay = Overlay::None,
            KeyCode::Down => picker.selected = picker.selected.saturating_add(1),
            KeyCode::Up => picker.selected = picker.selected.saturating_sub(1),
            KeyCode::Enter => {
                let typed = picker.input.lines().join(" ");
                let selected = picker.selected;
                let rows = self.picker_rows(&typed);
                self.overlay = Overlay::None;
                if let Some(&(id, _)) = rows.get(selected.min(rows.len().saturating_sub(1))) {
                    if !self.company_filter.contains(&id) {
                        self.company_filter.push(id);
                    }
                    self.headline_selected = 0;
                    self.recompute_view();
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
