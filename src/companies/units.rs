//! Units of known companies: "Google Cloud", "Mizuho Securities", "Sequoia Capital India",
//! "HSBC UK", "Telenor Microfinance Bank".
//!
//! A known company's name that goes straight on (one space, no full stop) to a unit's
//! noun or a country or region names that unit: a company of its own in the index, with
//! the known company as its parent, so that filtering by the parent finds it too.
//! Product words (Pay, Music, TV) and "Media" are not units' nouns: "Apple Music" and
//! "Verizon Media" stay Apple and Verizon, as people label them. A newsroom or research
//! arm is one ("Bloomberg News", "Bloomberg Intelligence"): people name it as the source.

use super::candidates::{self, Joiner, Word};
use super::known::{KnownCompanies, NameKind, normalize_into};

/// Nouns that end a unit's name ("Google Cloud", "Uber Freight", "Goldman Sachs Asset
/// Management"). Lower case; compared ignoring ASCII case.
const UNIT_NOUNS: &[&str] = &[
    "aerospace",
    "ai",
    "automotive",
    "bank",
    "chemical",
    "chemicals",
    "cloud",
    "electronics",
    "energy",
    "entertainment",
    "foundry",
    "freight",
    "games",
    "group",
    "health",
    "insurance",
    "interactive",
    "logistics",
    "management",
    "markets",
    "metals",
    "mobility",
    "motors",
    "payments",
    "pictures",
    "power",
    "rail",
    "securities",
    "sekuritas",
    "semiconductor",
    "services",
    "solutions",
    "studios",
    "telecom",
    "telecoms",
    "trucks",
    "vans",
    // Formal names of listed companies ("Chery Automobile", "Johnson & Johnson
    // MedTech").
    "automobile",
    "holdings",
    "brands",
    "company",
    "society",
    "fashion",
    "bio",
    "biosciences",
    "sciences",
    "medtech",
    "pharmacy",
    "rx",
    "e-mobility",
    "systems",
    "software",
    "networks",
    "partners",
    // "DHL Supply Chain"
    "chain",
    // More formal endings ("Suzuki Motor", "Ripple Labs", "Toho Gas", "Bombardier
    // Transportation", "Zee Entertainment Enterprises").
    "motor",
    "labs",
    "gas",
    "enterprises",
    "transportation",
    "robotics",
    "corporation",
    "industries",
    "estate",
    // "Bloomberg News", "Bloomberg Intelligence": a newsroom or research arm.
    "news",
    "intelligence",
    // Formal names and arms of session 12's sets ("JetBlue Airways", "Bohai Leasing",
    // "Oracle Hospitality", "Kotak Institutional Equities"; not "Hub": "SmartThings Hub"
    // is a product).
    "airways",
    "airlines",
    "industry",
    "leasing",
    "hospitality",
    "consulting",
    "consultants",
    "equities",
    "specialty",
    "silicon",
    "aero",
    "international",
];

/// Words that may follow a unit's noun and end a formal name ("Geely Automobile Holdings").
const FORMAL_ENDINGS: &[&str] = &[
    "holdings",
    "group",
    "society",
    "company",
    // "Sony Semiconductor Solutions", "HDI Global Specialty", "Coinbase International
    // Exchange".
    "solutions",
    "systems",
    "services",
    "technologies",
    "corporation",
    "international",
    "specialty",
    "exchange",
];

/// A unit's nouns that end a formal name so surely that common words may stand before
/// them ("Nationwide Building Society", "Tokyo Gas Real Estate").
const SURE_ENDINGS: &[&str] = &["society", "corporation", "company", "holdings", "estate"];

/// Countries and regions whose names end a unit's name ("HSBC UK", "Yahoo Japan",
/// "SoftBank Latin America", "Sequoia Capital India"); a region of two words is found by
/// its last ("Saudi Arabia", "Hong Kong"). Not "US": "TikTok US user data" is an adjective.
const REGIONS: &[&str] = &[
    "africa",
    "algeria",
    "america",
    "americas",
    "apac",
    "arabia",
    "argentina",
    "asia",
    "australia",
    "austria",
    "bahrain",
    "bangladesh",
    "belgium",
    "brasil",
    "brazil",
    "britain",
    "cambodia",
    "canada",
    "chile",
    "china",
    "colombia",
    "denmark",
    "deutschland",
    "ecuador",
    "egypt",
    "emea",
    "españa",
    "ethiopia",
    "europe",
    "finland",
    "france",
    "germany",
    "ghana",
    "greece",
    "hungary",
    "india",
    "indonesia",
    "ireland",
    "israel",
    "italia",
    "italy",
    "japan",
    "jordan",
    "kenya",
    "kong",
    "korea",
    "ksa",
    "kuwait",
    "lanka",
    "latam",
    "malaysia",
    "mena",
    "mexico",
    "morocco",
    "myanmar",
    "méxico",
    "nepal",
    "netherlands",
    "nigeria",
    "nordics",
    "norway",
    "oman",
    "pakistan",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "romania",
    "russia",
    "rwanda",
    "senegal",
    "singapore",
    "spain",
    "sweden",
    "switzerland",
    "taiwan",
    "tanzania",
    "thailand",
    "tunisia",
    "turkey",
    "türkiye",
    "uae",
    "uganda",
    "uk",
    "gb",
    "ukraine",
    "uruguay",
    "vietnam",
    "zambia",
    "zealand",
];

fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.iter().any(|n| n.eq_ignore_ascii_case(word))
}

/// A word that may end a unit's name: a unit's noun, or a country or region.
pub(super) fn ends_unit(word: &str) -> bool {
    // Every such word is 2 to 13 bytes long: most words are out on length alone.
    (2..=13).contains(&word.len()) && (is_one_of(word, UNIT_NOUNS) || is_one_of(word, REGIONS))
}

/// How many of `rest`, the words after a known company's name, name a unit of it: the
/// words up to the first that [`ends_unit`] (at most three; each before it one that
/// `may_stand_between` allows), and up to two more that end units after it ("Google
/// Cloud India", "Geely Automobile Holdings"). `None` when they do not.
pub(super) fn unit_words(
    rest: &[&str],
    mut may_stand_between: impl FnMut(&str, bool) -> bool,
) -> Option<usize> {
    // Before a sure ending, common words may stand between too.
    let sure = rest
        .iter()
        .take(3)
        .position(|w| ends_unit(w))
        .is_some_and(|k| is_one_of(rest[k], SURE_ENDINGS));
    for (k, word) in rest.iter().take(3).enumerate() {
        if ends_unit(word) {
            // "Google Cloud India", "Geely Automobile Holdings": a unit's noun may go on
            // to a region or a formal ending (not to another noun: "Google Cloud Bank
            // Deal" in a Title Case headline).
            let more = if is_one_of(word, UNIT_NOUNS) {
                rest.iter()
                    .skip(k + 1)
                    .take(2)
                    .take_while(|w| is_one_of(w, REGIONS) || is_one_of(w, FORMAL_ENDINGS))
                    .count()
            } else {
                0
            };
            return Some(k + 1 + more);
        }
        if !may_stand_between(word, sure) {
            return None;
        }
    }
    None
}

/// Whether a word may stand between a company's name and a unit's last word ("Telenor
/// Microfinance Bank", "SoftBank Latin America"): a word the list does not know, or a
/// place; not a company, a product ("Google Pay India"), a first name or a common word.
/// Before a sure ending (`sure`), a common word may too ("Nationwide Building Society").
fn may_stand_between(word: &str, sure: bool, known: &KnownCompanies, key: &mut String) -> bool {
    normalize_into(word, key);
    match known.kind(key) {
        None | Some(NameKind::Place) => true,
        Some(NameKind::Word) => sure,
        _ => false,
    }
}

/// Where the name of a unit ends, if the words after a known company's name (from byte
/// `from` to its last word `j`; joined by single spaces, no full stop between, none
/// possessive but the last) name one.
pub(super) fn unit_after(
    text: &str,
    run_words: &[Word],
    (from, j): (u32, usize),
    known: &KnownCompanies,
    key: &mut String,
) -> Option<usize> {
    // Most known names end their run, or go on to a word that ends no unit.
    let next = run_words.get(j + 1)?;
    if run_words.get(j)?.possessive || next.joiner != Joiner::Space {
        return None;
    }
    let mut rest: [&str; 4] = [""; 4];
    let mut len = 0;
    for k in j + 1..(j + 5).min(run_words.len()) {
        let (Some(w), Some(before)) = (run_words.get(k), run_words.get(k - 1)) else {
            break;
        };
        if before.possessive || !candidates::one_space_after(text, before, w) {
            break;
        }
        let Some(word) = text.get(w.start as usize..w.end as usize) else {
            break;
        };
        if let Some(slot) = rest.get_mut(len) {
            *slot = word;
            len += 1;
        }
    }
    let rest = rest.get(..len)?;
    if !rest.iter().take(3).any(|w| ends_unit(w)) {
        return None;
    }
    let words = unit_words(rest, |w, sure| may_stand_between(w, sure, known, key))?;
    // "Google Pay India": not where the company's name and the words after it are a
    // product the list knows.
    let start = from as usize;
    for w in run_words.get(j + 1..=j + words)? {
        normalize_into(text.get(start..w.end as usize)?, key);
        if known.kind(key) == Some(NameKind::Product) {
            return None;
        }
    }
    // "Vertex Ventures Southeast Asia & India": a second region after "&".
    let end = j + words;
    let and_region = run_words.get(end + 1).is_some_and(|w| {
        w.joiner == Joiner::Amp
            && text
                .get(w.start as usize..w.end as usize)
                .is_some_and(|word| is_one_of(word, REGIONS))
    }) && rest.get(words - 1).is_some_and(|w| is_one_of(w, REGIONS));
    Some(end + usize::from(and_region))
}

/// The known company a unit's name (as [`unit_after`] finds them) belongs to: its first
/// words name a known company (the longest that do), the rest a unit of it.
pub(super) fn parent_of(name: &str, known: &KnownCompanies, key: &mut String) -> Option<u32> {
    // Most names do not end in a unit's word: they are out before anything is allocated.
    let (_, last) = name.rsplit_once(' ')?;
    let last = candidates::without_possessive(last);
    if !ends_unit(last) {
        return None;
    }
    let mut words: Vec<&str> = name.split(' ').collect();
    if let Some(slot) = words.last_mut() {
        *slot = last;
    }
    // "… Southeast Asia & India": the unit's name ends before "&".
    if words.len() > 3 && words[words.len() - 2] == "&" && is_one_of(last, REGIONS) {
        words.truncate(words.len() - 2);
    }
    let mut between = String::new();
    // The longest known name first ("Sequoia Capital India" is Sequoia Capital's).
    for split in (1..words.len()).rev() {
        let (head, tail) = words.split_at(split);
        normalize_into(&head.join(" "), key);
        let Some(NameKind::Company { id, .. }) = known.kind(key) else {
            continue;
        };
        if unit_words(tail, |w, sure| {
            may_stand_between(w, sure, known, &mut between)
        }) == Some(tail.len())
            && !(split + 1..=words.len()).any(|end| {
                normalize_into(&words[..end].join(" "), &mut between);
                known.kind(&between) == Some(NameKind::Product)
            })
        {
            return Some(id);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> KnownCompanies {
        KnownCompanies::parse(
            "[companies]\nGoogle\nSequoia | Sequoia Capital\nTelenor\nHSBC\n[products]\nGoogle Pay\nGoogle Health\n[places]\nLatin America\n[words]\nStore\n",
        )
    }

    #[test]
    fn unit_words_end_at_a_units_noun_or_a_region() {
        let any = |_: &str, _: bool| true;
        assert_eq!(unit_words(&["Cloud", "CEO"], any), Some(1));
        assert_eq!(unit_words(&["Cloud", "India"], any), Some(2));
        assert_eq!(unit_words(&["Automobile", "Holdings"], any), Some(2));
        assert_eq!(unit_words(&["Cloud", "Bank", "Deal"], any), Some(1));
        assert_eq!(unit_words(&["India", "Cloud"], any), Some(1));
        assert_eq!(unit_words(&["Microfinance", "Bank"], any), Some(2));
        assert_eq!(unit_words(&["Latin", "America"], any), Some(2));
        assert_eq!(unit_words(&["Music"], any), None);
        assert_eq!(unit_words(&["News"], any), Some(1));
        assert_eq!(unit_words(&["US"], any), None);
        assert_eq!(unit_words(&["A", "B", "C", "Bank"], any), None);
        assert_eq!(unit_words(&["Pay", "India"], |w, _| w != "Pay"), None);
    }

    #[test]
    fn a_units_parent_is_the_known_company_its_name_starts_with() {
        let known = list();
        let mut key = String::new();
        let id = |name: &str| match known.kind(&super::super::known::normalize(name)) {
            Some(NameKind::Company { id, .. }) => Some(id),
            _ => None,
        };
        let mut parent = |name: &str| parent_of(name, &known, &mut key);
        assert_eq!(parent("Google Cloud"), id("Google"));
        assert_eq!(parent("Google Cloud India"), id("Google"));
        assert_eq!(parent("Google Cloud’s"), id("Google"));
        assert_eq!(parent("Sequoia Capital India"), id("Sequoia"));
        assert_eq!(parent("Telenor Microfinance Bank"), id("Telenor"));
        assert_eq!(parent("HSBC UK"), id("HSBC"));
        assert_eq!(
            parent("Sequoia Capital Southeast Asia & India"),
            id("Sequoia")
        );
        assert_eq!(parent("Google Pay India"), None);
        assert_eq!(parent("Google Store India"), None);
        assert_eq!(parent("Google"), None);
        assert_eq!(parent("Acme Cloud"), None);
        assert_eq!(parent("Google Music"), None);
        assert_eq!(parent("Google Health"), None);
    }
}
