//! The company index: which companies each article mentions, and which articles mention each company.
//!
//! `known` holds the bundled list and the user's companies.json, `candidates` finds
//! capitalised names in one pass, `rules` decides which of them are companies, and
//! `build` makes the per-article lists and posting lists (in parallel) that `index`
//! answers the reader, the query language and the CLI from; `cache` keeps each article's findings on disk so a
//! digest opened again is tagged only where it changed; `suggest` finds the name a mistyped one meant.

mod build;
pub mod cache;
pub mod candidates;
pub mod index;
mod kept_scratch;
pub mod known;
mod memo;
pub mod rules;
pub mod suggest;
pub mod trends;
mod units;

pub use cache::{CacheReport, IndexCache};
pub use index::{CompanyId, CompanyIndex};
pub use known::{CompaniesFileError, KnownCompanies};
pub use trends::{Bucket, Timeline};
