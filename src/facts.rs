//! What the filter language asks of the rest of gazette: company posting lists from the
//! company index and read marks from the state. Kept here so `query` knows neither.

use crate::companies::CompanyIndex;
use crate::digest::Digest;
use crate::query;
use crate::state::ReadState;

pub struct Facts<'a> {
    pub digest: &'a Digest,
    pub companies: &'a CompanyIndex,
    pub read: &'a ReadState,
}

impl query::Facts for Facts<'_> {
    fn company_articles(&self, name: &str) -> Option<&[u32]> {
        self.companies
            .lookup(name)
            .map(|id| self.companies.articles_of(id))
    }

    fn is_read(&self, article: u32) -> bool {
        self.digest
            .articles
            .get(article as usize)
            .is_some_and(|a| self.read.is_read(a.id))
    }
}
