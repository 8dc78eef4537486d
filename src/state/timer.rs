//! When to save: at most a fixed delay after the first unsaved change.

use std::time::{Duration, Instant};

/// Debounces saves. Armed by the first change, not pushed back by later ones,
/// so a steady stream of marks still saves every `delay`.
#[derive(Debug, Clone)]
pub struct SaveTimer {
    delay: Duration,
    due: Option<Instant>,
}

impl SaveTimer {
    pub fn new(delay: Duration) -> Self {
        SaveTimer { delay, due: None }
    }

    /// Call after every change to the state.
    pub fn changed(&mut self, now: Instant) {
        self.due.get_or_insert(now + self.delay);
    }

    pub fn is_due(&self, now: Instant) -> bool {
        self.due.is_some_and(|due| now >= due)
    }

    /// How long the event loop may sleep before the save is due (`None`: nothing to save).
    pub fn time_left(&self, now: Instant) -> Option<Duration> {
        self.due.map(|due| due.saturating_duration_since(now))
    }

    /// Call after a save (successful or not: a failed save is retried one delay later
    /// via the next `changed`, or by the caller re-arming).
    pub fn saved(&mut self) {
        self.due = None;
    }
}

impl Default for SaveTimer {
    fn default() -> Self {
        SaveTimer::new(Duration::from_secs(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_change_arms_and_later_changes_do_not_postpone() {
        let t0 = Instant::now();
        let mut timer = SaveTimer::new(Duration::from_secs(1));
        assert!(!timer.is_due(t0 + Duration::from_secs(5)));
        assert_eq!(timer.time_left(t0), None);
        timer.changed(t0);
        timer.changed(t0 + Duration::from_millis(900));
        assert!(!timer.is_due(t0 + Duration::from_millis(999)));
        assert!(timer.is_due(t0 + Duration::from_secs(1)));
        assert_eq!(
            timer.time_left(t0 + Duration::from_millis(400)),
            Some(Duration::from_millis(600))
        );
        timer.saved();
        assert!(!timer.is_due(t0 + Duration::from_secs(5)));
    }
}
