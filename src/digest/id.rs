//! Stable article ids: 64-bit FNV-1a, fixed forever so read state survives.
//!
//! id = FNV-1a-64 of `YYYY-MM-DD` + `\n` + the trimmed headline (UTF-8).
//! When distinct articles share date and headline, the one whose body hashes
//! lowest keeps that id and each other one hashes `\n` + its paragraphs
//! (joined by `\n`) on top of it.

use super::model::ArticleId;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Incremental FNV-1a-64.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(FNV_OFFSET)
    }
}

impl Fnv {
    pub fn write(mut self, bytes: &[u8]) -> Self {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(FNV_PRIME);
        }
        self
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// Hash of date and headline: the id of every article whose pair is unique.
pub fn base_hash(date: chrono::NaiveDate, headline: &str) -> Fnv {
    let h = match iso_date(date) {
        Some(iso) => Fnv::default().write(&iso),
        None => Fnv::default().write(date.format("%Y-%m-%d").to_string().as_bytes()),
    };
    h.write(b"\n").write(headline.trim().as_bytes())
}

/// `YYYY-MM-DD` without going through chrono's formatter, which cost more
/// than the rest of the id (it runs once per article). Years 0..=9999 only,
/// the only ones a date line can hold; others take the formatter.
fn iso_date(date: chrono::NaiveDate) -> Option<[u8; 10]> {
    use chrono::Datelike;
    let year = u32::try_from(date.year()).ok().filter(|y| *y <= 9999)?;
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let (m, d) = (date.month(), date.day());
    Some([
        digit(year / 1000),
        digit(year / 100),
        digit(year / 10),
        digit(year),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
    ])
}

pub fn article_id(date: chrono::NaiveDate, headline: &str) -> ArticleId {
    ArticleId(base_hash(date, headline).finish())
}

/// Id for an article that shares date and headline with a different one.
pub fn disambiguated_id<'a>(
    date: chrono::NaiveDate,
    headline: &str,
    paragraphs: impl Iterator<Item = &'a str>,
) -> ArticleId {
    let mut h = base_hash(date, headline);
    for p in paragraphs {
        h = h.write(b"\n").write(p.as_bytes());
    }
    ArticleId(h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn fnv_matches_reference_vectors() {
        // Published FNV-1a-64 test vectors.
        assert_eq!(Fnv::default().finish(), 0xcbf29ce484222325);
        assert_eq!(Fnv::default().write(b"a").finish(), 0xaf63dc4c8601ec8c);
        assert_eq!(Fnv::default().write(b"foobar").finish(), 0x85944171f73967e8);
    }

    #[test]
    fn iso_date_matches_chrono_formatting() {
        let days = [
            (0, 1, 1),
            (999, 12, 31),
            (2019, 6, 24),
            (2024, 2, 29),
            (9999, 12, 31),
        ];
        for (y, m, d) in days {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let iso = iso_date(date).unwrap();
            assert_eq!(
                std::str::from_utf8(&iso).unwrap(),
                date.format("%Y-%m-%d").to_string()
            );
        }
        let far = NaiveDate::from_ymd_opt(10000, 1, 1).unwrap();
        assert_eq!(iso_date(far), None);
        assert_eq!(
            base_hash(far, "x").finish(),
            Fnv::default().write(b"+10000-01-01\nx").finish()
        );
    }

    #[test]
    fn id_is_fixed_for_a_known_article() {
        let date = NaiveDate::from_ymd_opt(2019, 6, 24).unwrap();
        let id = article_id(date, "Samsung releases a trio of smart home products");
        let again = Fnv::default()
            .write(b"2019-06-24\nSamsung releases a trio of smart home products")
            .finish();
        assert_eq!(id.0, again);
        assert_eq!(
            id,
            article_id(date, "  Samsung releases a trio of smart home products ")
        );
    }
}
