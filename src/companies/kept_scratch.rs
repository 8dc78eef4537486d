//! One tagger [`Scratch`] kept per thread between uses by the same owner (a build, or
//! a company index highlighting names), so its memos stay warm and its ~420 KB are
//! not allocated and filled again for every piece of a build or every paragraph drawn.
//!
//! A scratch is reused only by the owner it was kept for: its memos know their company
//! list by address only, and another owner's list may live at the same address.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use super::rules::Scratch;

thread_local! {
    static KEPT: Cell<Option<(u64, Box<Scratch>)>> = const { Cell::new(None) };
}

/// Numbers owners: every build and every index gets its own.
static OWNERS: AtomicU64 = AtomicU64::new(0);

/// A number no owner had before.
pub(super) fn new_owner() -> u64 {
    OWNERS.fetch_add(1, Ordering::Relaxed)
}

/// Runs `f` with this thread's scratch if `owner` kept it, or a new one; keeps it for
/// `owner` after.
pub(super) fn with_scratch<R>(owner: u64, f: impl FnOnce(&mut Scratch) -> R) -> R {
    let mut scratch = match KEPT.take() {
        Some((o, scratch)) if o == owner => scratch,
        _ => Box::default(),
    };
    let result = f(&mut scratch);
    KEPT.set(Some((owner, scratch)));
    result
}
