//! Company trends: a company's articles counted per day, month or year of the digest.
//!
//! A [`Timeline`] cuts the digest's date span into buckets (the rule is in
//! [`Bucket::for_span`]) and keeps, for each bucket, the index of its first article:
//! articles are sorted by date, so a bucket is a contiguous range of article indexes.
//! A company's posting list is sorted too, so its count in a bucket is the difference
//! of two binary searches: a whole series costs O(buckets · log mentions), whatever
//! the digest's size.

use chrono::{Datelike, Months, NaiveDate};

use super::{CompanyId, CompanyIndex};
use crate::digest::Digest;

/// The most days shown one bucket a day; longer spans go by month.
pub const MAX_DAY_BUCKETS: i64 = 90;
/// The most months shown one bucket a month; longer spans go by year.
pub const MAX_MONTH_BUCKETS: i64 = 120;

/// How long one bucket of a [`Timeline`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    Day,
    Month,
    Year,
}

impl Bucket {
    /// The bucket for a digest spanning `first..=last`: a day when that is at most
    /// 90 days, a month when at most 120 months, else a year. So a series has at most
    /// 120 points, few enough to plot and to read as a sparkline.
    pub fn for_span(first: NaiveDate, last: NaiveDate) -> Bucket {
        let days = (last - first).num_days() + 1;
        let months = months_between(first, last) + 1;
        if days <= MAX_DAY_BUCKETS {
            Bucket::Day
        } else if months <= MAX_MONTH_BUCKETS {
            Bucket::Month
        } else {
            Bucket::Year
        }
    }

    /// The first day of the bucket holding `date`.
    fn start_of(self, date: NaiveDate) -> NaiveDate {
        match self {
            Bucket::Day => Some(date),
            Bucket::Month => date.with_day(1),
            Bucket::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1),
        }
        .unwrap_or(date)
    }

    /// The first day of the bucket after the one starting on `start`.
    fn next(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Bucket::Day => start.succ_opt(),
            Bucket::Month => start.checked_add_months(Months::new(1)),
            Bucket::Year => start.checked_add_months(Months::new(12)),
        }
    }

    /// "day", "month", "year": for axis titles.
    pub fn name(self) -> &'static str {
        match self {
            Bucket::Day => "day",
            Bucket::Month => "month",
            Bucket::Year => "year",
        }
    }
}

fn months_between(first: NaiveDate, last: NaiveDate) -> i64 {
    i64::from(last.year() - first.year()) * 12 + i64::from(last.month()) - i64::from(first.month())
}

/// The digest's date span cut into buckets, each a range of article indexes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    bucket: Bucket,
    /// The first day of each bucket, oldest first.
    starts: Vec<NaiveDate>,
    /// `bounds[i]` is the first article of bucket `i`; one more entry closes the last.
    bounds: Vec<u32>,
}

impl Timeline {
    /// The timeline of a digest, with the bucket [`Bucket::for_span`] picks.
    pub fn new(digest: &Digest) -> Timeline {
        match (digest.articles.first(), digest.articles.last()) {
            (Some(first), Some(last)) => {
                Timeline::with_bucket(digest, Bucket::for_span(first.date, last.date))
            }
            _ => Timeline::with_bucket(digest, Bucket::Day),
        }
    }

    /// The timeline of a digest cut into buckets of the given length. Every bucket
    /// between the first and the last article is there, empty ones included.
    pub fn with_bucket(digest: &Digest, bucket: Bucket) -> Timeline {
        let articles = &digest.articles;
        let (Some(first), Some(last)) = (articles.first(), articles.last()) else {
            return Timeline {
                bucket,
                starts: Vec::new(),
                bounds: vec![0],
            };
        };
        let mut starts = Vec::new();
        let mut bounds = Vec::new();
        let mut start = Some(bucket.start_of(first.date));
        while let Some(s) = start.filter(|&s| s <= last.date) {
            starts.push(s);
            bounds.push(articles.partition_point(|a| a.date < s) as u32);
            start = bucket.next(s);
        }
        bounds.push(articles.len() as u32);
        Timeline {
            bucket,
            starts,
            bounds,
        }
    }

    pub fn bucket(&self) -> Bucket {
        self.bucket
    }

    /// How many buckets.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The first day of bucket `i`.
    pub fn start(&self, i: usize) -> Option<NaiveDate> {
        self.starts.get(i).copied()
    }

    /// Bucket `i` as an axis label: `2019-06-24`, `2019-06` or `2019`.
    pub fn label(&self, i: usize) -> String {
        let Some(start) = self.start(i) else {
            return String::new();
        };
        let format = match self.bucket {
            Bucket::Day => "%Y-%m-%d",
            Bucket::Month => "%Y-%m",
            Bucket::Year => "%Y",
        };
        start.format(format).to_string()
    }

    /// Articles in each bucket, of all articles or of a sorted list of article indexes.
    pub fn counts(&self, articles: &[u32]) -> Vec<u32> {
        // The binary searches narrow as they go: each starts where the last one ended.
        let mut counts = Vec::with_capacity(self.len());
        let mut rest = articles;
        for &end in self.bounds.iter().skip(1) {
            let n = rest.partition_point(|&a| a < end);
            counts.push(n as u32);
            rest = rest.get(n..).unwrap_or_default();
        }
        counts
    }

    /// The company's articles in each bucket.
    pub fn company(&self, index: &CompanyIndex, id: CompanyId) -> Vec<u32> {
        let postings = index.articles_of(id);
        // Articles before the first bucket cannot exist; skip them to keep counts honest
        // should an index ever cover more than this digest.
        let first = self.bounds.first().copied().unwrap_or(0);
        let from = postings.partition_point(|&a| a < first);
        self.counts(postings.get(from..).unwrap_or_default())
    }

    /// Every article in each bucket.
    pub fn totals(&self) -> Vec<u32> {
        self.bounds
            .windows(2)
            .map(|w| w[1].saturating_sub(w[0]))
            .collect()
    }
}

/// The `n` companies mentioned by most of `articles` (distinct article indexes), with
/// how many of them each: most first, ties by name. One pass over the articles'
/// company lists into a dense table.
pub fn top_companies(index: &CompanyIndex, articles: &[u32], n: usize) -> Vec<(CompanyId, u32)> {
    let mut counts = vec![0u32; index.len()];
    for &a in articles {
        for (id, _) in index.companies_of(a) {
            if let Some(c) = counts.get_mut(id.0 as usize) {
                *c += 1;
            }
        }
    }
    rank(index, counts, n)
}

/// As [`top_companies`] of every article, from the posting lists' lengths: no pass
/// over the articles (at 150k articles, microseconds instead of milliseconds).
pub fn top_companies_of_all(index: &CompanyIndex, n: usize) -> Vec<(CompanyId, u32)> {
    let counts = (0..index.len() as u32)
        .map(|id| index.articles_of(CompanyId(id)).len() as u32)
        .collect();
    rank(index, counts, n)
}

/// The `n` largest of `counts` (indexed by company id) as `(company, count)`, most
/// first, ties by name; zeros left out.
fn rank(index: &CompanyIndex, counts: Vec<u32>, n: usize) -> Vec<(CompanyId, u32)> {
    let mut top: Vec<(CompanyId, u32)> = counts
        .into_iter()
        .enumerate()
        .filter(|&(_, c)| c > 0)
        .map(|(id, c)| (CompanyId(id as u32), c))
        .collect();
    let by_rank = |a: &(CompanyId, u32), b: &(CompanyId, u32)| {
        b.1.cmp(&a.1)
            .then_with(|| index.name(a.0).cmp(index.name(b.0)))
    };
    // Only the first n need ordering: split them off first (thousands of companies).
    if n > 0 && top.len() > n {
        top.select_nth_unstable_by(n - 1, by_rank);
        top.truncate(n);
    }
    top.sort_by(by_rank);
    top.truncate(n);
    top
}

/// `counts` squeezed into at most `width` columns, each the mean of the buckets it
/// covers. Means, not sums: 120 months in 36 columns puts 3 or 4 months in a column,
/// and sums would draw that as a false rhythm.
pub fn resample(counts: &[u32], width: usize) -> Vec<f64> {
    if width == 0 || counts.len() <= width {
        return counts.iter().map(|&c| f64::from(c)).collect();
    }
    let mut sums = vec![(0u64, 0u32); width];
    for (i, &c) in counts.iter().enumerate() {
        if let Some((sum, n)) = sums.get_mut(i * width / counts.len()) {
            *sum += u64::from(c);
            *n += 1;
        }
    }
    sums.into_iter()
        .map(|(sum, n)| {
            if n == 0 {
                0.0
            } else {
                sum as f64 / f64::from(n)
            }
        })
        .collect()
}

/// Block characters for sparklines, lowest first.
const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// `values` as a line of block characters scaled to their own maximum: a blank for
/// nothing, at least `▁` for any mention, `█` for the busiest column.
pub fn sparkline(values: &[f64]) -> String {
    let max = values.iter().copied().fold(0.0, f64::max);
    values
        .iter()
        .map(|&v| {
            if v <= 0.0 || max <= 0.0 {
                ' '
            } else {
                let level = (v / max * BARS.len() as f64).ceil() as usize;
                BARS.get(level.clamp(1, BARS.len()) - 1)
                    .copied()
                    .unwrap_or('█')
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::companies::KnownCompanies;
    use crate::digest::load::build;
    use crate::digest::{Digest, Source};

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A digest with one article per given date, each mentioning the given companies.
    fn digest(articles: &[(&str, &str)]) -> Digest {
        let mut text = String::new();
        for (day, body) in articles {
            let d = date(day);
            text.push_str(&format!(
                "{}\n\nNews of {day}\n\n{body}\n\n",
                d.format("%-d %b %Y")
            ));
        }
        build(vec![Source::from_string("t.txt", text)], Vec::new()).digest
    }

    #[test]
    fn bucket_rule_by_span() {
        let table = [
            ("2019-06-24", "2019-06-24", Bucket::Day),
            ("2019-01-01", "2019-03-31", Bucket::Day), // 90 days
            ("2019-01-01", "2019-04-01", Bucket::Month), // 91 days
            ("2015-01-01", "2024-12-31", Bucket::Month), // 120 months
            ("2015-01-01", "2025-01-01", Bucket::Year), // 121 months
            ("1990-05-01", "2024-02-01", Bucket::Year),
        ];
        for (first, last, want) in table {
            assert_eq!(
                Bucket::for_span(date(first), date(last)),
                want,
                "{first}..{last}"
            );
        }
    }

    #[test]
    fn day_buckets_include_empty_days() {
        let d = digest(&[
            ("2019-06-01", "Apple said."),
            ("2019-06-01", "Google said."),
            ("2019-06-04", "Apple said."),
        ]);
        let t = Timeline::new(&d);
        assert_eq!(t.bucket(), Bucket::Day);
        assert_eq!(t.len(), 4);
        assert_eq!(t.label(0), "2019-06-01");
        assert_eq!(t.label(3), "2019-06-04");
        assert_eq!(t.totals(), vec![2, 0, 0, 1]);
    }

    #[test]
    fn month_buckets_start_on_the_first_and_cover_the_last_article() {
        let d = digest(&[
            ("2019-01-15", "Apple said."),
            ("2019-03-31", "Apple said."),
            ("2019-06-30", "Google said."),
        ]);
        let t = Timeline::new(&d);
        assert_eq!(t.bucket(), Bucket::Month);
        assert_eq!(t.len(), 6);
        assert_eq!(t.start(0), Some(date("2019-01-01")));
        assert_eq!(t.label(5), "2019-06");
        assert_eq!(t.totals(), vec![1, 0, 1, 0, 0, 1]);
    }

    #[test]
    fn year_buckets_on_very_long_spans() {
        let d = digest(&[("2001-07-01", "Apple said."), ("2019-02-01", "Apple said.")]);
        let t = Timeline::new(&d);
        assert_eq!(t.bucket(), Bucket::Year);
        assert_eq!(t.len(), 19);
        assert_eq!(t.label(18), "2019");
    }

    #[test]
    fn company_counts_add_up_to_its_article_count() {
        let d = digest(&[
            ("2019-06-01", "Apple and Google said."),
            ("2019-06-01", "Google said."),
            ("2019-06-03", "Shares of Apple rose 3%."),
            ("2019-06-05", "Google said."),
        ]);
        let index = CompanyIndex::build(&d, &KnownCompanies::bundled());
        let t = Timeline::new(&d);
        for name in ["Apple", "Google"] {
            let id = index.lookup(name).unwrap();
            let counts = t.company(&index, id);
            assert_eq!(counts.len(), t.len());
            let sum: u32 = counts.iter().sum();
            assert_eq!(sum as usize, index.articles_of(id).len(), "{name}");
        }
        let apple = index.lookup("Apple").unwrap();
        assert_eq!(t.company(&index, apple), vec![1, 0, 1, 0, 0]);
        let google = index.lookup("Google").unwrap();
        assert_eq!(t.company(&index, google), vec![2, 0, 0, 0, 1]);
    }

    #[test]
    fn a_company_without_articles_has_an_all_zero_series() {
        let d = digest(&[("2019-06-01", "Apple said."), ("2019-06-02", "Apple said.")]);
        let index = CompanyIndex::build(&d, &KnownCompanies::bundled());
        let t = Timeline::new(&d);
        let unknown = CompanyId(u32::MAX);
        assert_eq!(t.company(&index, unknown), vec![0, 0]);
        let nokia = index.lookup("Nokia").unwrap();
        assert_eq!(t.company(&index, nokia), vec![0, 0]);
        assert_eq!(sparkline(&resample(&t.company(&index, nokia), 10)), "  ");
    }

    #[test]
    fn an_empty_digest_has_no_buckets() {
        let t = Timeline::new(&Digest::default());
        assert!(t.is_empty());
        assert_eq!(t.counts(&[]), Vec::<u32>::new());
        assert_eq!(t.label(0), "");
    }

    #[test]
    fn on_a_generated_decade_month_counts_match_the_posting_lists() {
        let text = crate::digest::generate::digest_text(3000, 7);
        let d = build(vec![Source::from_string("g.txt", text)], Vec::new()).digest;
        let index = CompanyIndex::build(&d, &KnownCompanies::bundled());
        let t = Timeline::new(&d);
        assert_eq!(t.bucket(), Bucket::Month);
        assert!(t.len() <= MAX_MONTH_BUCKETS as usize);
        assert_eq!(t.totals().iter().sum::<u32>() as usize, d.articles.len());
        for (id, n) in index.by_count().into_iter().take(40) {
            let counts = t.company(&index, id);
            assert_eq!(counts.iter().sum::<u32>() as usize, n);
            // The same as counting each article's month by hand.
            let mut by_hand = vec![0u32; t.len()];
            for &a in index.articles_of(id) {
                let day = d.articles[a as usize].date;
                let i = (0..t.len()).rfind(|&i| t.start(i).unwrap() <= day).unwrap();
                by_hand[i] += 1;
            }
            assert_eq!(counts, by_hand, "{}", index.name(id));
        }
    }

    #[test]
    fn top_companies_of_some_articles() {
        let d = digest(&[
            ("2019-06-01", "Apple and Google said."),
            ("2019-06-02", "Google said."),
            ("2019-06-03", "Shares of Apple rose 3%. Microsoft said."),
            ("2019-06-04", "Microsoft said."),
        ]);
        let index = CompanyIndex::build(&d, &KnownCompanies::bundled());
        let name = |v: Vec<(CompanyId, u32)>| -> Vec<(String, u32)> {
            v.into_iter()
                .map(|(id, n)| (index.name(id).to_string(), n))
                .collect()
        };
        let all = [0, 1, 2, 3];
        assert_eq!(
            name(top_companies(&index, &all, 5)),
            [
                ("Apple".into(), 2),
                ("Google".into(), 2),
                ("Microsoft".into(), 2)
            ]
        );
        assert_eq!(
            name(top_companies(&index, &all, 1)),
            [("Apple".to_string(), 2)]
        );
        assert_eq!(
            name(top_companies(&index, &[1, 3], 5)),
            [("Google".into(), 1), ("Microsoft".into(), 1)]
        );
        assert!(top_companies(&index, &[], 5).is_empty());
        assert!(top_companies(&index, &all, 0).is_empty());
        for n in [0, 1, 2, 5] {
            assert_eq!(
                top_companies_of_all(&index, n),
                top_companies(&index, &all, n)
            );
        }
    }

    #[test]
    fn resampling_averages_the_buckets_of_each_column() {
        let counts: Vec<u32> = (1..=120).collect();
        let squeezed = resample(&counts, 24);
        assert_eq!(squeezed.len(), 24);
        assert_eq!(squeezed[0], 3.0); // mean of 1..=5
        assert_eq!(squeezed[23], 118.0);
        assert_eq!(resample(&[1, 2], 24), vec![1.0, 2.0]);
        // 3 or 4 buckets a column: a flat series stays flat.
        assert!(resample(&[5; 120], 36).iter().all(|&v| v == 5.0));
        assert_eq!(sparkline(&resample(&[5; 120], 36)), "█".repeat(36));
    }

    #[test]
    fn sparkline_scales_to_its_maximum() {
        assert_eq!(sparkline(&[0.0, 1.0, 4.0, 8.0]), " ▁▄█");
        // Any mention shows, however small next to the peak.
        assert_eq!(sparkline(&[1.0, 1000.0]), "▁█");
        assert_eq!(sparkline(&[]), "");
    }
}
