//! Digests: the model, the parser and the loader.

pub mod generate;
pub mod id;
pub mod load;
pub mod model;
pub mod parse;
pub mod render;

pub use load::{LoadError, Loaded, load_paths, load_sample};
pub use model::{Article, ArticleId, Digest, Source, Span, Warning};
