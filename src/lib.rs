//! gazette: a terminal reader for news digests.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod cachefile;
pub mod cli;
pub mod commands;
pub mod companies;
pub mod config;
pub mod digest;
pub mod facts;
pub mod query;
pub mod state;
pub mod tui;
