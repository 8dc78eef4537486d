//! The names gazette knows: the bundled list (assets/companies.txt) merged with the user's companies.json.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Deserialize;

const BUNDLED: &str = include_str!("../../assets/companies.txt");

/// What a normalised name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A known company; `ambiguous` names are also ordinary words and need a company context.
    Company {
        id: u32,
        ambiguous: bool,
    },
    /// A product or service that belongs to a company: never a company of its own.
    Product,
    Place,
    /// A common first name: a capitalised run starting with it names a person.
    FirstName,
    /// A capitalised word that is not a name (weekdays, months, titles, sentence openers).
    Word,
    /// Listed under "ignore" in the user's file.
    Ignored,
}

/// The known companies and the names that are never companies, keyed by normalised name.
/// Shared: a clone (each index keeps one) costs a reference count, not a copy of the
/// ~30,000 keys.
#[derive(Debug, Clone)]
pub struct KnownCompanies {
    list: Arc<List>,
}

/// What [`KnownCompanies`] shares.
#[derive(Debug, Clone)]
struct List {
    names: Vec<Box<str>>,
    /// Every other name of a company as written in the list (`AWS` for Amazon), by company
    /// id: what the reader's picker shows when a name was found by one.
    aliases: Vec<(u32, Box<str>)>,
    keys: FxHashMap<Box<str>, Entry>,
    /// The most words any key has, so matching knows how far to look ahead.
    max_words: usize,
    /// A hash of the texts this list was made from (bundled list, user file): the index
    /// cache keeps findings only for the list that produced them.
    fingerprint: u64,
}

/// What one key says: its meaning, and whether a longer company key starts with it.
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    kind: Option<NameKind>,
    /// Only a run starting with such a word needs the longer lookups. "the" has it too,
    /// since normalising drops a leading "the " ("The New York Times").
    starts_longer: bool,
    /// A company of one to three letters that the list spells only in capitals ("BET",
    /// "REN"): in the text too, or it is the word ("a $600 Million Bet", "Ren Zhengfei").
    capitals_only: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum CompaniesFileError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}:{column}: {message}")]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The user's companies.json: extra companies (a name, or a name with aliases) and names to ignore.
#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = r#"an object {"companies": [...], "ignore": [...]}"#
)]
struct UserFile {
    #[serde(default)]
    companies: Vec<UserCompany>,
    #[serde(default)]
    ignore: Vec<String>,
}

/// What an entry of "companies" may be, for the errors when it is not.
const COMPANY_ENTRY: &str = r#"a name string or {"name": ..., "aliases": [...]}"#;

/// An entry of "companies". Read by hand rather than as an untagged enum, whose only
/// error is "data did not match any variant of untagged enum": this one says what an
/// entry looks like, or what is wrong inside an object (a missing name, an unknown key
/// such as `alias`, aliases that are not a list of strings), at its line and column.
#[derive(Debug)]
struct UserCompany {
    name: String,
    aliases: Vec<String>,
}

impl<'de> Deserialize<'de> for UserCompany {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> serde::de::Visitor<'de> for Entry {
            type Value = UserCompany;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a company: {COMPANY_ENTRY}")
            }

            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<UserCompany, E> {
                Ok(UserCompany {
                    name: name.to_string(),
                    aliases: Vec::new(),
                })
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<UserCompany, A::Error> {
                use serde::de::Error;
                let (mut name, mut aliases) = (None, Vec::new());
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "name" => name = Some(map.next_value::<String>()?),
                        "aliases" => aliases = map.next_value::<Vec<String>>()?,
                        _ => {
                            return Err(A::Error::custom(format!(
                                "unknown key `{key}` in a company: {COMPANY_ENTRY}"
                            )));
                        }
                    }
                }
                let name = name.ok_or_else(|| {
                    A::Error::custom(format!("a company without a name: {COMPANY_ENTRY}"))
                })?;
                Ok(UserCompany { name, aliases })
            }
        }
        deserializer.deserialize_any(Entry)
    }
}

impl KnownCompanies {
    /// The list shipped in assets/companies.txt.
    pub fn bundled() -> Self {
        Self::parse(BUNDLED)
    }

    /// Parses the bundled text format (see the header of assets/companies.txt).
    pub fn parse(text: &str) -> Self {
        let mut known = List {
            names: Vec::new(),
            aliases: Vec::new(),
            // About one key per line (a company's aliases, a first word of several
            // words): sized once rather than grown through a dozen rehashes.
            keys: FxHashMap::with_capacity_and_hasher(text.len() / 12, rustc_hash::FxBuildHasher),
            max_words: 1,
            fingerprint: xxhash_rust::xxh3::xxh3_64(text.as_bytes()),
        };
        // One buffer for every name's key (a key is allocated once, when stored).
        let mut key = String::new();
        known.keys.entry("the".into()).or_default().starts_longer = true;
        let mut section = "";
        for line in text.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            match section {
                "companies" => {
                    let mut names = split_bars(line).map(str::trim).filter(|n| !n.is_empty());
                    if let Some(canonical) = names.next() {
                        known.add_company(canonical, names, &mut key);
                    }
                }
                "products" => known.add_other(line, NameKind::Product, &mut key),
                "places" => known.add_other(line, NameKind::Place, &mut key),
                "first names" => known.add_other(line, NameKind::FirstName, &mut key),
                _ => known.add_other(line, NameKind::Word, &mut key),
            }
        }
        KnownCompanies {
            list: Arc::new(known),
        }
    }

    /// Merges the user's companies.json over this list: its companies win over any bundled meaning.
    pub fn with_user_file(mut self, path: &Path) -> Result<Self, CompaniesFileError> {
        let text = std::fs::read_to_string(path).map_err(|source| CompaniesFileError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file: UserFile = serde_json::from_str(&text).map_err(|e| {
            // serde_json ends its message with the position, which the error's
            // `path:line:column` already gives.
            let message = e.to_string();
            let at = format!(" at line {} column {}", e.line(), e.column());
            CompaniesFileError::Json {
                path: path.to_path_buf(),
                line: e.line(),
                column: e.column(),
                message: message.strip_suffix(&at).unwrap_or(&message).to_string(),
            }
        })?;
        let list = Arc::make_mut(&mut self.list);
        list.fingerprint = xxhash_rust::xxh3::xxh3_64_with_seed(text.as_bytes(), list.fingerprint);
        for company in &file.companies {
            list.add_company(
                &company.name,
                company.aliases.iter().map(String::as_str),
                &mut String::new(),
            );
        }
        for name in &file.ignore {
            let key = normalize(name);
            if !key.is_empty() {
                list.keys.entry(key.into()).or_default().kind = Some(NameKind::Ignored);
            }
        }
        Ok(self)
    }

    /// Where the user's file lives: `<config dir>/gazette/companies.json`.
    pub fn user_file_path() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "gazette")
            .map(|dirs| dirs.config_dir().join("companies.json"))
    }

    /// The bundled list, merged with the user's file when there is one.
    pub fn load_default() -> Result<Self, CompaniesFileError> {
        let known = Self::bundled();
        match Self::user_file_path() {
            Some(path) if path.exists() => known.with_user_file(&path),
            _ => Ok(known),
        }
    }
}

impl List {
    /// Adds a company; a name already known as a company becomes an alias of it.
    fn add_company<'a>(
        &mut self,
        canonical: &str,
        aliases: impl Iterator<Item = &'a str>,
        key: &mut String,
    ) {
        let (canonical, ambiguous) = strip_ambiguous(canonical);
        normalize_into(canonical, key);
        if key.is_empty() {
            return;
        }
        let id = match self.kind(key) {
            Some(NameKind::Company { id, .. }) => {
                if self.name(id) != canonical {
                    self.add_alias(id, canonical);
                }
                id
            }
            _ => {
                let id = self.names.len() as u32;
                self.names.push(canonical.into());
                id
            }
        };
        self.insert_company_key(key, id, ambiguous, short_capitals(canonical));
        for alias in aliases {
            let (alias, ambiguous) = strip_ambiguous(alias);
            normalize_into(alias, key);
            if !key.is_empty() {
                self.insert_company_key(key, id, ambiguous, short_capitals(alias));
                self.add_alias(id, alias);
            }
        }
    }

    /// Keeps `aliases` in id order, so a company's are one slice.
    fn add_alias(&mut self, id: u32, alias: &str) {
        let at = self.aliases.partition_point(|&(i, _)| i <= id);
        self.aliases.insert(at, (id, alias.into()));
    }

    fn insert_company_key(&mut self, key: &str, id: u32, ambiguous: bool, capitals: bool) {
        let first_space = key.bytes().position(|c| c == b' ');
        let ambiguous = ambiguous && first_space.is_none();
        self.count_words(key);
        if let Some(at) = first_space {
            self.mark_starts_longer(&key[..at]);
        }
        let entry = self.entry(key);
        // Capitals only while every spelling the list gives the key is in capitals.
        let first_spelling = !matches!(entry.kind, Some(NameKind::Company { .. }));
        entry.capitals_only = capitals && (first_spelling || entry.capitals_only);
        entry.kind = Some(NameKind::Company { id, ambiguous });
    }

    /// The entry of `key`, made if there is none.
    fn entry(&mut self, key: &str) -> &mut Entry {
        self.keys.entry(key.into()).or_default()
    }

    /// Keeps `max_words` the most words of any key (counted in bytes: a char search per
    /// key cost start-up ~10M instructions).
    fn count_words(&mut self, key: &str) {
        let words = 1 + key.bytes().filter(|&c| c == b' ').count();
        self.max_words = self.max_words.max(words);
    }

    /// Marks that a longer key starts with the word `first` (allocating only for a word
    /// not yet a key).
    fn mark_starts_longer(&mut self, first: &str) {
        match self.keys.get_mut(first) {
            Some(entry) => entry.starts_longer = true,
            None => {
                self.keys.insert(
                    first.into(),
                    Entry {
                        starts_longer: true,
                        ..Entry::default()
                    },
                );
            }
        }
    }

    /// Whether some words of `key` in a row (its spaces' words) are a company's key.
    fn has_company_within(&self, key: &str) -> bool {
        // Where words start and end: 0, each space (and after it), the key's end.
        let spaces = || {
            key.bytes()
                .enumerate()
                .filter(|&(_, c)| c == b' ')
                .map(|(i, _)| i)
        };
        std::iter::once(0)
            .chain(spaces().map(|i| i + 1))
            .any(|from| {
                spaces()
                    .filter(|&to| to > from)
                    .chain(std::iter::once(key.len()))
                    .any(|to| {
                        matches!(
                            self.keys.get(&key[from..to]).and_then(|e| e.kind),
                            Some(NameKind::Company { .. })
                        )
                    })
            })
    }

    fn add_other(&mut self, name: &str, kind: NameKind, key: &mut String) {
        normalize_into(name, key);
        if key.is_empty() {
            return;
        }
        self.count_words(key);
        // "United Arab Emirates": a place with a company's name in it is looked for as
        // the matcher looks for longer companies, so the place wins over Emirates. (The
        // bundled list gives its companies before its places; a company that only the
        // user's file adds does not do this for a bundled place.)
        // So is an institution with a company's name in it ("Reserve Bank of India",
        // with Bank of India listed), as a multi-word name in [words].
        if matches!(kind, NameKind::Place | NameKind::Word)
            && let Some(at) = key.bytes().position(|c| c == b' ')
            && self.has_company_within(key)
        {
            self.mark_starts_longer(&key[..at]);
        }
        // A company listed elsewhere keeps its meaning ("Line" the company vs a word).
        let entry = self.entry(key);
        entry.kind = entry.kind.or(Some(kind));
    }

    /// What a normalised key stands for.
    fn kind(&self, key: &str) -> Option<NameKind> {
        self.keys.get(key).and_then(|e| e.kind)
    }

    /// The canonical name of a known company.
    fn name(&self, id: u32) -> &str {
        self.names.get(id as usize).map_or("", |n| n)
    }

    /// The other names of a known company, as written in the list, that still name it (a
    /// later entry, such as the user's file, may have given one to another company).
    fn aliases(&self, id: u32) -> impl Iterator<Item = &str> {
        let start = self.aliases.partition_point(|&(i, _)| i < id);
        let end = self.aliases.partition_point(|&(i, _)| i <= id);
        self.aliases
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .map(|(_, alias)| &**alias)
            .filter(move |alias| {
                matches!(self.kind(&normalize(alias)), Some(NameKind::Company { id: i, .. }) if i == id)
            })
    }

    /// A word's meaning, and whether some company key of several words starts with it:
    /// both in one lookup, for the matcher's hot path.
    fn kind_and_longer(&self, word: &str) -> (Option<NameKind>, bool) {
        self.keys
            .get(word)
            .map_or((None, false), |e| (e.kind, e.starts_longer))
    }
}

/// The list's answers (see [`List`]'s methods of the same names).
impl KnownCompanies {
    /// A hash of the bundled list and the user's file this list was made from.
    pub fn fingerprint(&self) -> u64 {
        self.list.fingerprint
    }

    /// What a normalised key stands for.
    #[inline]
    pub fn kind(&self, key: &str) -> Option<NameKind> {
        self.list.kind(key)
    }

    /// The canonical name of a known company.
    pub fn name(&self, id: u32) -> &str {
        self.list.name(id)
    }

    /// The other names of a known company, as written in the list, that still name it (a
    /// later entry, such as the user's file, may have given one to another company).
    pub fn aliases(&self, id: u32) -> impl Iterator<Item = &str> {
        self.list.aliases(id)
    }

    /// How many known companies there are (their ids are 0..len).
    pub fn len(&self) -> usize {
        self.list.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.names.is_empty()
    }

    pub fn max_words(&self) -> usize {
        self.list.max_words
    }

    /// Whether the list spells the company `key` names only in capitals, and it is of one
    /// to three letters: a word in the text that is not in capitals is not that company.
    pub fn capitals_only(&self, key: &str) -> bool {
        self.list.keys.get(key).is_some_and(|e| e.capitals_only)
    }

    /// A word's meaning, and whether some company key of several words starts with it:
    /// both in one lookup, for the matcher's hot path.
    #[inline]
    pub fn kind_and_longer(&self, word: &str) -> (Option<NameKind>, bool) {
        self.list.kind_and_longer(word)
    }
}

/// A list line's names, between its `|`s (a byte search: short lines, no char searcher).
fn split_bars(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|c| c == b'|') {
            Some(at) => {
                rest = text.get(at + 1..);
                text.get(..at)
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// One to three ASCII capital letters ("BET", "REN"; not "BP3", "Ren").
fn short_capitals(name: &str) -> bool {
    (1..=3).contains(&name.len()) && name.bytes().all(|c| c.is_ascii_uppercase())
}

fn strip_ambiguous(name: &str) -> (&str, bool) {
    match name.strip_prefix('~') {
        Some(rest) => (rest.trim(), true),
        None => (name, false),
    }
}

/// The key a name is looked up by: lower case, dots dropped, every apostrophe as `'`,
/// single spaces, and no leading "the " ("The New York Times" = "New York Times").
pub fn normalize(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    normalize_into(name, &mut key);
    key
}

/// [`normalize`] keeping a leading "the ": the form in which a part of a name, as typed,
/// is looked for in names ("the n" is in "the new york times"; dropped, it would be "n").
pub fn fold_name(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    fold_name_into(name, &mut key);
    key
}

/// Whether `name` is ASCII letters, digits, `-` and `&`, with single spaces between
/// words and none at either end: [`normalize`] only lower-cases (and drops "the ").
fn is_plain(name: &[u8]) -> bool {
    let mut after_space = true;
    for &c in name {
        match PLAIN_BYTE[c as usize] {
            WORD_BYTE => after_space = false,
            SPACE_BYTE if !after_space => after_space = true,
            _ => return false,
        }
    }
    !after_space || name.is_empty()
}

/// [`is_plain`]'s classes of bytes, one table load a byte: ASCII letters, digits, `-` and
/// `&` are word bytes, a space is a space, anything else makes a name not plain.
const WORD_BYTE: u8 = 1;
const SPACE_BYTE: u8 = 2;
static PLAIN_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'&' {
            table[c] = WORD_BYTE;
        } else if b == b' ' {
            table[c] = SPACE_BYTE;
        }
        c += 1;
    }
    table
};

/// [`normalize`] into a reused buffer (the hot path of matching).
pub fn normalize_into(name: &str, key: &mut String) {
    normalize_dropping_the(name, key);
}

/// [`normalize_into`], saying whether a leading "the " was dropped (then the key's
/// first word is not the name's first word).
pub fn normalize_dropping_the(name: &str, key: &mut String) -> bool {
    fold_name_into(name, key);
    drop_the(key)
}

/// [`fold_name`] into a reused buffer: everything [`normalize`] does but drop "the ".
#[inline]
fn fold_name_into(name: &str, key: &mut String) {
    key.clear();
    // Most names are plain ASCII words joined by single spaces ("Google", "Best Buy"):
    // one pass over the bytes says so, then they are lower-cased in one go.
    if is_plain(name.as_bytes()) {
        key.push_str(name);
        key.make_ascii_lowercase();
        return;
    }
    // Names with an accent or an apostrophe ("Tomás García", "O’Brien"): ASCII bytes are
    // handled as bytes, only the others decoded.
    let bytes = name.as_bytes();
    let mut space = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let c = if b < 0x80 {
            i += 1;
            char::from(b)
        } else {
            let Some(c) = name.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i += c.len_utf8();
            c
        };
        match c {
            '.' => {}
            '’' | '‘' | '\'' => key.push('\''),
            // `char::is_whitespace` for ASCII: tab, line feed, vertical tab, form feed, return, space.
            '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' => space = !key.is_empty(),
            c if !c.is_ascii() && c.is_whitespace() => space = !key.is_empty(),
            c => {
                if space {
                    key.push(' ');
                    space = false;
                }
                if c.is_ascii() {
                    key.push(c.to_ascii_lowercase());
                } else {
                    key.extend(c.to_lowercase());
                }
            }
        }
    }
}

/// Drops a leading "the " from a key ("the new york times" = "new york times").
fn drop_the(key: &mut String) -> bool {
    let drop = key.len() > 4 && key.starts_with("the ");
    if drop {
        key.drain(..4);
    }
    drop
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_dots_apostrophes_and_the() {
        assert_eq!(normalize("Byju’s"), "byju's");
        assert_eq!(normalize("Tomás  GARCÍA\u{a0}Ö"), "tomás garcía ö");
        assert_eq!(normalize("O’Brien \u{0B}’X"), "o'brien' x");
        assert_eq!(normalize("JD.com"), "jdcom");
        assert_eq!(normalize("The  New York Times"), "new york times");
        assert_eq!(normalize("U.S."), "us");
    }

    #[test]
    fn fold_name_is_normalize_keeping_the() {
        for name in [
            "Byju’s",
            "JD.com",
            "O’Brien \u{0B}’X",
            "Tomás  GARCÍA",
            "Google",
        ] {
            assert_eq!(fold_name(name), normalize(name), "{name}");
        }
        assert_eq!(fold_name("The  New York Times"), "the new york times");
        assert_eq!(fold_name("the n"), "the n");
        assert_eq!(normalize("the n"), "n");
    }

    #[test]
    fn aliases_are_kept_as_written_by_company() {
        let known = KnownCompanies::bundled();
        let Some(NameKind::Company { id, .. }) = known.kind("amazon") else {
            panic!("amazon is not a company")
        };
        let aliases: Vec<&str> = known.aliases(id).collect();
        assert_eq!(aliases, ["Amazon.com", "Amazon Web Services", "AWS"]);
        let Some(NameKind::Company { id, .. }) = known.kind("epic games") else {
            panic!("epic games is not a company")
        };
        // The ambiguity marker is not part of the name.
        assert_eq!(known.aliases(id).collect::<Vec<_>>(), ["Epic"]);
    }

    /// The bundled list merged with a user file holding `json` (or the file's error, as
    /// text), and the file's path.
    fn with_user_json(json: &str) -> (Result<KnownCompanies, String>, String) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("companies.json");
        std::fs::write(&path, json).expect("the test writes its companies.json");
        let known = KnownCompanies::bundled()
            .with_user_file(&path)
            .map_err(|e| e.to_string());
        (known, path.display().to_string())
    }

    #[test]
    fn an_alias_the_user_gives_to_another_company_leaves_the_first() {
        let (known, _) = with_user_json(
            r#"{"companies": [{"name": "Initech", "aliases": ["AWS"]}, {"name": "Google", "aliases": ["Goog"]}]}"#,
        );
        let known = known.expect("the user file merges with the bundled list");
        let id_of = |key| match known.kind(key) {
            Some(NameKind::Company { id, .. }) => id,
            other => panic!("{key}: {other:?}"),
        };
        assert!(!known.aliases(id_of("amazon")).any(|a| a == "AWS"));
        assert_eq!(known.aliases(id_of("initech")).collect::<Vec<_>>(), ["AWS"]);
        assert_eq!(known.aliases(id_of("google")).collect::<Vec<_>>(), ["Goog"]);
    }

    #[test]
    fn bundled_list_parses_with_aliases_and_ambiguous_names() {
        let known = KnownCompanies::bundled();
        assert!(known.len() > 300, "only {} companies", known.len());
        let Some(NameKind::Company { id, ambiguous }) = known.kind("facebook") else {
            panic!("facebook is not a company")
        };
        assert!(!ambiguous);
        assert_eq!(known.name(id), "Facebook");
        assert!(matches!(
            known.kind("target"),
            Some(NameKind::Company {
                ambiguous: true,
                ..
            })
        ));
        assert_ne!(known.kind("google"), known.kind("alphabet"));
        assert_eq!(known.kind("new york times"), known.kind("nyt"));
        assert_eq!(known.kind("india"), Some(NameKind::Place));
        assert_eq!(known.kind("alexa"), Some(NameKind::Product));
    }

    #[test]
    fn user_file_adds_companies_and_ignores_names() {
        let (known, _) = with_user_json(
            r#"{"companies": ["Acme Rockets", {"name": "Bixby", "aliases": ["Bixby Labs"]}],
                "ignore": ["Amazon"]}"#,
        );
        let known = known.expect("the user file merges with the bundled list");
        assert!(matches!(
            known.kind("acme rockets"),
            Some(NameKind::Company { .. })
        ));
        assert_eq!(known.kind("bixby"), known.kind("bixby labs"));
        assert!(matches!(
            known.kind("bixby"),
            Some(NameKind::Company { .. })
        ));
        assert_eq!(known.kind("amazon"), Some(NameKind::Ignored));
    }

    #[test]
    fn user_file_errors_name_the_file_and_line() {
        let (known, _) = with_user_json("{\n  \"companies\": [1]\n}");
        let err = known.unwrap_err();
        assert!(err.contains("companies.json:2:"), "{err}");
    }

    #[test]
    fn user_file_errors_say_what_an_entry_looks_like() {
        let entry = r#"a name string or {"name": ..., "aliases": [...]}"#;
        let table = [
            (
                "{\"companies\": [\n    5]}",
                format!("2:5: invalid type: integer `5`, expected a company: {entry}"),
            ),
            (
                r#"{"companies": [null]}"#,
                format!("1:19: invalid type: null, expected a company: {entry}"),
            ),
            (
                r#"{"companies": [{"name": "I", "alias": ["J"]}]}"#,
                format!("1:36: unknown key `alias` in a company: {entry}"),
            ),
            (
                r#"{"companies": [{"aliases": ["J"]}]}"#,
                format!("1:33: a company without a name: {entry}"),
            ),
            (
                r#"{"companies": [{"name": "I", "aliases": "J"}]}"#,
                "1:43: invalid type: string \"J\", expected a sequence".to_string(),
            ),
            (
                r#"{"companies": [], "ignore": [1]}"#,
                "1:30: invalid type: integer `1`, expected a string".to_string(),
            ),
            (
                r#"{"compnies": []}"#,
                "1:11: unknown field `compnies`, expected `companies` or `ignore`".to_string(),
            ),
        ];
        for (text, want) in table {
            let (known, path) = with_user_json(text);
            assert_eq!(known.unwrap_err(), format!("{path}:{want}"), "{text}");
        }
    }
}
