//! Recognition quality: precision and recall against hand-labelled articles, on the
//! sample (the rules were developed on it), an unseen set and a third set (each written
//! and labelled before the recognizer ran on it; fixes since are noted per test).

use std::collections::BTreeSet;
use std::path::PathBuf;

use gazette::companies::{CompanyIndex, KnownCompanies};
use gazette::digest::{Digest, load_paths, load_sample};
use serde::Deserialize;

#[derive(Deserialize)]
struct Labels {
    articles: Vec<Labelled>,
}

#[derive(Deserialize)]
struct Labelled {
    headline: String,
    companies: Vec<String>,
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/companies")
        .join(name)
}

struct Score {
    precision: f64,
    recall: f64,
    report: String,
}

/// Scores (article, company) pairs; a label matches a found company if `lookup` maps it there.
fn score(digest: &Digest, labels_file: &str) -> Score {
    let labels: Labels =
        serde_json::from_str(&std::fs::read_to_string(fixture(labels_file)).unwrap()).unwrap();
    let index = CompanyIndex::build(digest, &KnownCompanies::bundled());
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    let mut report = String::new();
    assert_eq!(labels.articles.len(), digest.articles.len());
    for labelled in &labels.articles {
        let (i, _) = digest
            .articles
            .iter()
            .enumerate()
            .find(|(_, a)| digest.headline(a) == labelled.headline)
            .unwrap_or_else(|| panic!("no article {:?}", labelled.headline));
        let found: BTreeSet<_> = index
            .companies_of(i as u32)
            .iter()
            .map(|(id, _)| *id)
            .collect();
        let mut expected = BTreeSet::new();
        for name in &labelled.companies {
            match index.lookup(name) {
                Some(id) if found.contains(&id) => {
                    tp += 1;
                    expected.insert(id);
                }
                _ => {
                    fneg += 1;
                    report += &format!("  missed {name:?} in {:?}\n", labelled.headline);
                }
            }
        }
        for id in found.difference(&expected) {
            fp += 1;
            report += &format!(
                "  wrong  {:?} in {:?}\n",
                index.name(*id),
                labelled.headline
            );
        }
    }
    Score {
        precision: tp as f64 / (tp + fp) as f64,
        recall: tp as f64 / (tp + fneg) as f64,
        report: format!("tp {tp} fp {fp} fn {fneg}\n{report}"),
    }
}

#[test]
fn sample_precision_and_recall_reach_095() {
    let s = score(&load_sample().digest, "sample-labels.json");
    println!(
        "sample: precision {:.3} recall {:.3}\n{}",
        s.precision, s.recall, s.report
    );
    assert!(s.precision >= 0.95 && s.recall >= 0.95, "{}", s.report);
}

#[test]
fn exactly_six_sample_articles_mention_amazon() {
    let digest = load_sample().digest;
    let index = CompanyIndex::build(&digest, &KnownCompanies::bundled());
    let amazon = index.lookup("amazon").unwrap();
    let headlines: Vec<_> = index
        .articles_of(amazon)
        .iter()
        .map(|&i| digest.headline(&digest.articles[i as usize]))
        .collect();
    assert_eq!(headlines.len(), 6, "{headlines:#?}");
    assert!(!headlines.iter().any(|h| h.starts_with("Cloudflare")));
}

#[test]
fn lookup_honours_case_aliases_and_possessives() {
    let index = CompanyIndex::build(&load_sample().digest, &KnownCompanies::bundled());
    let facebook = index.lookup("facebook").unwrap();
    assert_eq!(index.lookup("Facebook’s"), Some(facebook));
    assert_eq!(index.lookup("FACEBOOK's"), Some(facebook));
    assert_ne!(index.lookup("Alphabet"), index.lookup("Google"));
    assert_eq!(index.lookup("FT"), index.lookup("Financial Times"));
    // Discovered names are found too.
    let osmo_articles = index.articles_of(index.lookup("osmo").unwrap());
    assert!(!osmo_articles.is_empty());
    assert_eq!(index.lookup("Nick Clegg"), None);
    // A legal or corporate form after the name it goes by.
    let amazon = index.lookup("amazon");
    assert_eq!(index.lookup("Amazon Holdings"), amazon);
    assert_eq!(index.lookup("Amazon.com Inc."), amazon);
    assert_eq!(index.lookup("Osmo Technologies"), index.lookup("osmo"));
    assert_eq!(index.lookup("Amazon.com Holding Corp."), amazon);
    assert_eq!(index.lookup("Amazon & Co."), amazon);
    assert_eq!(index.lookup("Amazon &"), None);
    assert_eq!(index.lookup("Amazon Prime"), None);
    assert_eq!(index.lookup("Holdings"), None);
}

#[test]
fn mentions_give_byte_ranges_of_names_in_a_paragraph() {
    let index = CompanyIndex::build(&load_sample().digest, &KnownCompanies::bundled());
    let text = "Target audiences like Facebook’s app, and Hotstar-Flipkart’s ads at Target.";
    let found: Vec<(&str, &str)> = index
        .mentions(text)
        .into_iter()
        .map(|(r, id)| (&text[r], index.name(id)))
        .collect();
    assert_eq!(
        found,
        [
            ("Facebook", "Facebook"),
            ("Hotstar", "Hotstar"),
            ("Flipkart", "Flipkart"),
            ("Target", "Target"),
        ]
    );
}

/// Scores a labelled set from `tests/fixtures/companies/` and holds it to `floor`
/// (precision, recall). Each set was written and labelled blind, and committed before the
/// recognizer first ran on it; its test says what it scored then and since. Every set
/// is held to what it scored at the end of session 12 less 0.01, and never less than
/// its first run: a change that costs a set more than a point fails.
fn labelled_set(name: &str, floor: (f64, f64)) {
    let loaded = load_paths(&[fixture(&format!("{name}.txt"))]).unwrap();
    assert!(loaded.warnings.is_empty());
    let s = score(&loaded.digest, &format!("{name}-labels.json"));
    println!(
        "{name}: precision {:.3} recall {:.3}\n{}",
        s.precision, s.recall, s.report
    );
    assert!(
        s.precision >= floor.0 && s.recall >= floor.1,
        "{name} fell below precision {} recall {}:\n{}",
        floor.0,
        floor.1,
        s.report
    );
}

/// First run, untuned: precision 0.966, recall 0.840; after the first helper's fixes
/// 0.978 / 0.880; after general context rules 0.990 / 0.960; with eight well-known names
/// added to the list 1.000 / 0.980. Still missed: "iwoca" (lower case, never a
/// candidate) and Twitter written as "X" (one letter).
#[test]
fn unseen_set_reaches_095() {
    labelled_set("unseen", (0.990, 0.970));
}

/// Written after the unseen set's fixes. First run, untuned: precision 0.965, recall
/// 0.922. Then four general rules (a role noun opening a sentence, "X of <place>" is an
/// institution, "state-owned X", "X, which it acquired") gave 0.977 / 0.956, and five
/// list entries (PDD Holdings as Pinduoduo's alias, Lazada, Rite Aid, TrendForce,
/// HuffPost) 0.989 / 1.000. The one false positive left is CBS, which the labels leave
/// out as an asset of Paramount.
#[test]
fn third_set_reaches_095() {
    labelled_set("third", (0.968, 0.979));
}

/// Written after an acceptance run found sentence-opening plurals and pronouns taken for
/// companies, with such traps embedded. First run: precision 0.932, recall 0.857. Four
/// of the misses were one rule ("said Hearthly CEO Marcus Bell" marked the startup a
/// person); with it, "said" before a reported clause, three role and staff nouns and ten
/// list entries: 1.000 / 0.982. Still missed: Briter Bridges ("data compiled by Briter
/// Bridges") and Cruise opening a sentence ("Cruise, meanwhile, has been testing").
#[test]
fn fourth_set_reaches_095() {
    labelled_set("fourth", (0.990, 0.990));
}

/// Written after the fourth set's fixes. First run: fifth 0.857 / 0.800, sixth 0.921 /
/// 0.872. Tuned on since (institutions, "data compiled by X", lookup through legal
/// forms, ~530 list entries, investment arms): fifth 0.941 / 0.933, sixth 0.978 /
/// 0.992. The fifth still splits "Keefe, Bruyette & Woods" at its comma and takes
/// "Sequoia Capital India" for Sequoia.
#[test]
fn fifth_set_holds_its_tuned_figures() {
    labelled_set("fifth", (0.957, 0.973));
}

#[test]
fn sixth_set_reaches_095() {
    labelled_set("sixth", (0.975, 0.990));
}

/// **The 0.95 bar is not met on text gazette was not tuned on.** Written after all of
/// the above and first run on the final tagger of that round: seventh 0.838 / 0.790,
/// eighth 0.947 / 0.851 (strict names). Counting a subsidiary or unit labelled by its
/// full name and found as its parent as a match ("HSBC UK" / HSBC, "Google Cloud" /
/// Google), 0.923 / 0.870 and 0.977 / 0.878: the shortfall is recall, companies the list
/// lacks (Alstom, Bradesco, Greycroft, Wondery) and new names in weak contexts, and
/// people with names the first-name list does not hold ("Chidinma Eze"). Not tuned on:
/// held to their first-run figures, so a change that loses ground on text it was not
/// developed on fails here.
#[test]
fn seventh_set_holds_its_first_run_figures() {
    labelled_set("seventh", (0.961, 0.976));
}

#[test]
fn eighth_set_holds_its_first_run_figures() {
    labelled_set("eighth", (0.976, 0.970));
}

/// Written after the seventh and eighth sets' fixes and first run on the tagger of that
/// round: ninth 0.921 / 0.824, tenth 0.938 / 0.946 (strict names; counting a unit found
/// as its parent a match, 0.976 / 0.873 and 0.956 / 0.964). Misses: companies the list
/// lacks (SSAB, Stora Enso, Emirates NBD, Chubb, Royal Bank of Canada), units labelled by
/// their full names (Uber Freight, DHL Supply Chain, Walmart Connect).
#[test]
fn ninth_set_holds_its_first_run_figures() {
    labelled_set("ninth", (0.976, 0.961));
}

#[test]
fn tenth_set_holds_its_first_run_figures() {
    labelled_set("tenth", (0.963, 0.990));
}

/// Written after the ninth and tenth sets' fixes and first run on the tagger of that
/// round: eleventh 0.957 / 0.903, twelfth 0.963 / 0.928 (strict names). Precision
/// reaches the bar on untuned text here for the first time; recall does not: companies
/// the list lacks (Munich Re, FireEye, AppNexus, Addison Lee, Gett) and "Lemonade"
/// (a name that is also a word) are still missed.
#[test]
fn eleventh_set_holds_its_first_run_figures() {
    labelled_set("eleventh", (0.982, 0.982));
}

#[test]
fn twelfth_set_holds_its_first_run_figures() {
    labelled_set("twelfth", (0.981, 0.990));
}

/// Written after the eleventh and twelfth sets' fixes and first run on the last tagger
/// of this session: thirteenth 0.918 / 0.849, fourteenth 0.918 / 0.857 (strict names).
/// Misses: well-known companies the list lacks (Wirecard, Kantar, Morrisons, Marks &
/// Spencer, Equinor, Rheinmetall, TCL) and names that are also words, mentioned where
/// nothing around them says company (Zoom, Apple, Circle).
#[test]
fn thirteenth_set_holds_its_first_run_figures() {
    labelled_set("thirteenth", (0.961, 0.952));
}

#[test]
fn fourteenth_set_holds_its_first_run_figures() {
    labelled_set("fourteenth", (0.962, 0.980));
}

/// Written after the thirteenth and fourteenth sets' fixes and first run on the tagger of
/// that round: fifteenth 0.953 / 0.886, sixteenth 0.946 / 0.854 (strict names); what
/// recall missed was mostly well-known companies the list lacked (Shoprite, Kirkland &
/// Ellis, Depop, Pixar, Deezer, Canon, Eutelsat). A second batch of ~600 list entries,
/// made by someone who had not seen these four sets (fifteenth to eighteenth), then
/// took them, pooled, from 0.944 / 0.885 to 0.936 / 0.928: recall up, precision a
/// little down (longer names split where the list knows a part, "Quinn Emanuel"
/// "Sullivan"). Not tuned on; held to those figures.
#[test]
fn fifteenth_set_holds_its_figures() {
    labelled_set("fifteenth", (0.972, 0.972));
}

#[test]
fn sixteenth_set_holds_its_figures() {
    labelled_set("sixteenth", (0.979, 0.941));
}

/// Written after the fifteenth and sixteenth sets were run, and first run on the same
/// tagger: seventeenth 0.962 / 0.870, eighteenth 0.919 / 0.927 (strict names). With the
/// second list batch (see the fifteenth): 0.946 / 0.913 and 0.904 / 0.936. Not tuned
/// on; held to those figures.
#[test]
fn seventeenth_set_holds_its_figures() {
    labelled_set("seventeenth", (0.963, 0.946));
}

#[test]
fn eighteenth_set_holds_its_figures() {
    labelled_set("eighteenth", (0.954, 0.980));
}

/// Written after the seventeenth and eighteenth sets and the second list batch, and
/// first run on that tagger: nineteenth 0.963 / 0.896, twentieth 0.944 / 0.895 (pooled
/// 0.954 / 0.895). One rule came from the nineteenth since ("Ford, General Motors and
/// Hyundai": a capitalised person's noun after a comma that opens the next name is
/// not a title), 0.963 / 0.904.
#[test]
fn nineteenth_set_holds_its_figures() {
    labelled_set("nineteenth", (0.981, 0.972));
}

#[test]
fn twentieth_set_holds_its_figures() {
    labelled_set("twentieth", (0.990, 0.979));
}

/// Written and labelled by helpers blind to the tagger while the units rule ("Google
/// Cloud", "Sequoia Capital India" are companies of their own) was being written, and
/// first run on it: twenty-first 0.894 / 0.856 (0.912 / 0.873 once "Google Cloud" left
/// the product list, as the units rule asks), twenty-second 0.923 / 0.917, twenty-third
/// 0.894 / 0.827, twenty-fourth 0.929 / 0.880 (pooled 0.911 / 0.871). What recall missed
/// was mostly real companies the list lacks (Proofpoint, Sophos, Bancolombia, Ripio,
/// Magnite, Tenstorrent) and names that only a list like "firms, including A and B"
/// introduces. Tuned on since (rules from their misses, and a third list batch made by
/// a helper who had not seen them): 0.933 / 0.941, 0.958 / 0.944, 0.939 / 0.925,
/// 0.940 / 0.947, held less 0.01.
#[test]
fn twentyfirst_set_holds_its_first_run_figures() {
    labelled_set("twentyfirst", (0.948, 0.964));
}

#[test]
fn twentysecond_set_holds_its_first_run_figures() {
    labelled_set("twentysecond", (0.969, 0.969));
}

#[test]
fn twentythird_set_holds_its_first_run_figures() {
    labelled_set("twentythird", (0.952, 0.959));
}

#[test]
fn twentyfourth_set_holds_its_first_run_figures() {
    labelled_set("twentyfourth", (0.960, 0.982));
}

/// Written and labelled by helpers blind to the tagger, after the units rule, and first
/// run on the tagger with the twenty-first to twenty-fourth sets' rules and the third
/// list batch (made by a helper who had not seen any set): twenty-fifth 0.930 / 0.952,
/// twenty-sixth 0.962 / 0.802, twenty-seventh 0.920 / 0.912 (pooled 0.936 / 0.888). The
/// twenty-sixth's misses are mostly European mobility and retail names the list lacks
/// (Cityscoot, Moia, Trivago, Sobeys, ViaVan) and lower-case "ofo"; since, "Deutschland",
/// "Italia" and "España" end units' names ("Sky Deutschland"). Held to the first run.
#[test]
fn twentyfifth_set_holds_its_first_run_figures() {
    labelled_set("twentyfifth", (0.935, 0.966));
}

#[test]
fn twentysixth_set_holds_its_first_run_figures() {
    labelled_set("twentysixth", (0.981, 0.958));
}

#[test]
fn twentyseventh_set_holds_its_first_run_figures() {
    labelled_set("twentyseventh", (0.954, 0.946));
}

/// Written and labelled by helpers blind to the tagger (session 11), and first run on the
/// tagger with the twenty-sixth set's name forms and role nouns: twenty-eighth 0.960 /
/// 0.851, twenty-ninth 0.934 / 0.889, thirtieth 0.967 / 0.843, thirty-first 0.914 / 0.914
/// (pooled 0.943 / 0.874). Held to the first run.
#[test]
fn twentyeighth_set_holds_its_first_run_figures() {
    labelled_set("twentyeighth", (0.975, 0.947));
}

#[test]
fn twentyninth_set_holds_its_first_run_figures() {
    labelled_set("twentyninth", (0.948, 0.948));
}

#[test]
fn thirtieth_set_holds_its_first_run_figures() {
    labelled_set("thirtieth", (0.975, 0.961));
}

#[test]
fn thirtyfirst_set_holds_its_first_run_figures() {
    labelled_set("thirtyfirst", (0.968, 0.954));
}

/// Written and labelled by helpers blind to the tagger (session 11), held back while
/// the session's rules and list batches were made, and first run on the tagger after
/// all of them (823bc96): thirty-second 0.934 / 0.870, thirty-third 0.928 / 0.896,
/// thirty-fourth 0.911 / 0.898, thirty-fifth 0.930 / 0.876, thirty-sixth 0.895 / 0.875,
/// thirty-seventh 0.904 / 0.891 (pooled 0.917 / 0.885). Held to the first run.
#[test]
fn thirtysecond_set_holds_its_first_run_figures() {
    labelled_set("thirtysecond", (0.958, 0.928));
}

#[test]
fn thirtythird_set_holds_its_first_run_figures() {
    labelled_set("thirtythird", (0.962, 0.969));
}

#[test]
fn thirtyfourth_set_holds_its_first_run_figures() {
    labelled_set("thirtyfourth", (0.961, 0.968));
}

#[test]
fn thirtyfifth_set_holds_its_first_run_figures() {
    labelled_set("thirtyfifth", (0.967, 0.946));
}

#[test]
fn thirtysixth_set_holds_its_first_run_figures() {
    labelled_set("thirtysixth", (0.938, 0.938));
}

#[test]
fn thirtyseventh_set_holds_its_first_run_figures() {
    labelled_set("thirtyseventh", (0.946, 0.946));
}

/// Written and labelled by helpers blind to the tagger (session 11), started after the
/// thirty-second to thirty-seventh's first run, and first run on the tagger at the end
/// of session 11 (fca2e12): thirty-eighth 0.963 / 0.956, thirty-ninth 0.884 / 0.929,
/// fortieth 0.961 / 0.904, forty-first 0.948 / 0.888, forty-second 0.870 / 0.832,
/// forty-third 0.890 / 0.896 (pooled 0.919 / 0.901). Held to the first run.
#[test]
fn thirtyeighth_set_holds_its_first_run_figures() {
    labelled_set("thirtyeighth", (0.982, 0.960));
}

#[test]
fn thirtyninth_set_holds_its_first_run_figures() {
    labelled_set("thirtyninth", (0.940, 0.947));
}

#[test]
fn fortieth_set_holds_its_first_run_figures() {
    labelled_set("fortieth", (0.967, 0.931));
}

#[test]
fn fortyfirst_set_holds_its_first_run_figures() {
    labelled_set("fortyfirst", (0.967, 0.920));
}

#[test]
fn fortysecond_set_holds_its_first_run_figures() {
    labelled_set("fortysecond", (0.967, 0.953));
}

#[test]
fn fortythird_set_holds_its_first_run_figures() {
    labelled_set("fortythird", (0.931, 0.938));
}

/// Session 12's first blind batch: forty-fourth to forty-ninth, written at the session's
/// start by helpers who read only digest-format.md and committed sealed before their
/// first run, after this session's list and rule changes. First run, untuned (tp/fp/fn):
/// forty-fourth 0.985/0.971 (133/2/4), forty-fifth 0.955/0.948 (127/6/7), forty-sixth
/// 0.949/0.928 (129/7/10), forty-seventh 0.915/0.930 (119/11/9), forty-eighth
/// 0.877/0.921 (128/18/11), forty-ninth 0.933/0.887 (125/9/16): pooled 0.935 / 0.930
/// (the session-start tagger, ac65971, on the same sets: 0.921 / 0.901). Each is held
/// to its first run.
#[test]
fn fortyfourth_set_holds_its_first_run_figures() {
    labelled_set("fortyfourth", (0.985, 0.970));
}

#[test]
fn fortyfifth_set_holds_its_first_run_figures() {
    labelled_set("fortyfifth", (0.954, 0.947));
}

#[test]
fn fortysixth_set_holds_its_first_run_figures() {
    labelled_set("fortysixth", (0.967, 0.946));
}

#[test]
fn fortyseventh_set_holds_its_first_run_figures() {
    labelled_set("fortyseventh", (0.936, 0.950));
}

#[test]
fn fortyeighth_set_holds_its_first_run_figures() {
    labelled_set("fortyeighth", (0.927, 0.954));
}

#[test]
fn fortyninth_set_holds_its_first_run_figures() {
    labelled_set("fortyninth", (0.937, 0.890));
}

/// Session 12's second blind batch: fiftieth to fifty-fifth, written while the session's
/// work went on by helpers who read only digest-format.md, committed sealed, and first
/// run at the session's end. First run, untuned (tp/fp/fn): fiftieth 0.939/0.925
/// (124/8/10), fifty-first 0.916/0.972 (141/13/4), fifty-second 0.907/0.907 (127/13/13),
/// fifty-third 0.950/0.950 (134/7/7), fifty-fourth 0.963/0.977 (129/5/3), fifty-fifth
/// 0.934/0.901 (127/9/14): pooled 0.934 / 0.939 (the session-start tagger, ac65971:
/// 0.917 / 0.905). Both of the session's blind batches together (1,651 labels): 0.935 /
/// 0.935, against 0.919 / 0.903. Each is held to its first run.
#[test]
fn fiftieth_set_holds_its_first_run_figures() {
    labelled_set("fiftieth", (0.939, 0.925));
}

#[test]
fn fiftyfirst_set_holds_its_first_run_figures() {
    labelled_set("fiftyfirst", (0.915, 0.976));
}

#[test]
fn fiftysecond_set_holds_its_first_run_figures() {
    labelled_set("fiftysecond", (0.907, 0.918));
}

#[test]
fn fiftythird_set_holds_its_first_run_figures() {
    labelled_set("fiftythird", (0.950, 0.950));
}

#[test]
fn fiftyfourth_set_holds_its_first_run_figures() {
    labelled_set("fiftyfourth", (0.962, 0.977));
}

#[test]
fn fiftyfifth_set_holds_its_first_run_figures() {
    labelled_set("fiftyfifth", (0.933, 0.911));
}

/// Session 12's third blind batch: fifty-sixth to sixty-first, written after the second
/// batch's run by helpers who read only digest-format.md, committed sealed, and first
/// run at the session's end, with every rule and list change of the session in. First
/// run, untuned (tp/fp/fn): fifty-sixth 0.940/0.906 (125/8/13), fifty-seventh
/// 0.949/0.949 (129/7/7), fifty-eighth 0.969/0.906 (126/4/13), fifty-ninth 0.924/0.878
/// (122/10/17), sixtieth 0.972/0.986 (138/4/2), sixty-first 0.969/0.933 (126/4/9):
/// pooled 0.954 / 0.926 (the session-start tagger, ac65971: 0.937 / 0.895). All three of
/// the session's blind batches (2,478 labels): 0.941 / 0.932, against 0.925 / 0.900.
/// Each is held to its first run.
#[test]
fn fiftysixth_set_holds_its_first_run_figures() {
    labelled_set("fiftysixth", (0.946, 0.939));
}

#[test]
fn fiftyseventh_set_holds_its_first_run_figures() {
    labelled_set("fiftyseventh", (0.948, 0.948));
}

#[test]
fn fiftyeighth_set_holds_its_first_run_figures() {
    labelled_set("fiftyeighth", (0.969, 0.932));
}

#[test]
fn fiftyninth_set_holds_its_first_run_figures() {
    labelled_set("fiftyninth", (0.932, 0.925));
}

#[test]
fn sixtieth_set_holds_its_first_run_figures() {
    labelled_set("sixtieth", (0.971, 0.985));
}

#[test]
fn sixtyfirst_set_holds_its_first_run_figures() {
    labelled_set("sixtyfirst", (0.969, 0.938));
}

/// Session 12's fourth blind batch: sixty-second to sixty-fifth, written while the last
/// list batches were made by helpers who read only digest-format.md, committed sealed,
/// and first run at the session's end with every change in. First run, untuned
/// (tp/fp/fn): sixty-second 0.968/0.930 (120/4/9), sixty-third 0.970/0.992 (130/4/1),
/// sixty-fourth 0.947/0.933 (125/7/9), sixty-fifth 0.957/0.985 (134/6/2): pooled
/// 0.960 / 0.960 (the session-start tagger, ac65971: 0.948 / 0.923). Each is held to
/// its first run.
#[test]
fn sixtysecond_set_holds_its_first_run_figures() {
    labelled_set("sixtysecond", (0.967, 0.930));
}

#[test]
fn sixtythird_set_holds_its_first_run_figures() {
    labelled_set("sixtythird", (0.970, 0.992));
}

#[test]
fn sixtyfourth_set_holds_its_first_run_figures() {
    labelled_set("sixtyfourth", (0.946, 0.932));
}

#[test]
fn sixtyfifth_set_holds_its_first_run_figures() {
    labelled_set("sixtyfifth", (0.957, 0.985));
}

/// Session 12's confirming batch: sixty-sixth to seventy-third, written after the tagger
/// was frozen (345b49b) by helpers who read only digest-format.md, committed sealed, and
/// first run on the frozen tagger. First run, untuned (tp/fp/fn): sixty-sixth
/// 0.951/0.971 (136/7/4), sixty-seventh 0.917/0.917 (121/11/11), sixty-eighth
/// 0.969/0.953 (123/4/6), sixty-ninth 0.975/0.967 (117/3/4), seventieth 0.912/0.919
/// (125/12/11), seventy-first 0.965/0.972 (138/5/4), seventy-second 0.970/0.963
/// (130/4/5), seventy-third 0.972/0.972 (139/4/4): pooled 0.954 / 0.955 over 1,078
/// labels (the session-start tagger, ac65971: 0.942 / 0.927). With the sixty-second to
/// sixty-fifth, run on the same tagger: 0.956 / 0.957 over 1,608 labels. Each is held
/// to its first run.
#[test]
fn sixtysixth_set_holds_its_first_run_figures() {
    labelled_set("sixtysixth", (0.951, 0.971));
}

#[test]
fn sixtyseventh_set_holds_its_first_run_figures() {
    labelled_set("sixtyseventh", (0.916, 0.916));
}

#[test]
fn sixtyeighth_set_holds_its_first_run_figures() {
    labelled_set("sixtyeighth", (0.968, 0.953));
}

#[test]
fn sixtyninth_set_holds_its_first_run_figures() {
    labelled_set("sixtyninth", (0.975, 0.966));
}

#[test]
fn seventieth_set_holds_its_first_run_figures() {
    labelled_set("seventieth", (0.912, 0.919));
}

#[test]
fn seventyfirst_set_holds_its_first_run_figures() {
    labelled_set("seventyfirst", (0.965, 0.971));
}

#[test]
fn seventysecond_set_holds_its_first_run_figures() {
    labelled_set("seventysecond", (0.970, 0.962));
}

#[test]
fn seventythird_set_holds_its_first_run_figures() {
    labelled_set("seventythird", (0.972, 0.972));
}
