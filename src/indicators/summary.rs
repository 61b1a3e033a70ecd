//! [`KbSummary`]: what a knowledge base holds, counted by kind and evidence tier, with its
//! sources — for `caatsa-screen indicators show` and `GET /v1/indicators`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::kb::{KbVersion, KnowledgeBase, SourceUse};
use super::ofac::OfacStats;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct KbSummary {
    pub version: KbVersion,
    /// Listed entities by list (`ofac_north_korea`, `ofac_other`, `cbp_enforcement`, `reported_employer`).
    pub entities_by_list: BTreeMap<String, usize>,
    /// Every indicator by evidence tier.
    pub indicators_by_tier: BTreeMap<String, usize>,
    /// Indicators by kind (entity, country, region, region_sector, sector_country, sector, good, legal_text).
    pub indicators_by_kind: BTreeMap<String, usize>,
    pub ofac: OfacStats,
    pub sources: Vec<SourceUse>,
}

impl KnowledgeBase {
    pub fn summary(&self) -> KbSummary {
        let mut by_list = BTreeMap::new();
        let mut by_tier: BTreeMap<String, usize> = BTreeMap::new();
        let mut by_kind: BTreeMap<String, usize> = BTreeMap::new();
        let mut count = |kind: &str, tier: super::Tier| {
            *by_kind.entry(kind.to_owned()).or_default() += 1;
            *by_tier.entry(tier.as_str().to_owned()).or_default() += 1;
        };
        for e in &self.entities {
            *by_list.entry(e.list.as_str().to_owned()).or_default() += 1;
            count("entity", e.tier);
        }
        let c = &self.curated;
        c.host_countries
            .iter()
            .for_each(|x| count("country", x.tier));
        for r in &c.regions {
            count("region", r.tier);
            r.sectors
                .iter()
                .for_each(|s| count("region_sector", s.tier));
        }
        c.sector_countries
            .iter()
            .for_each(|x| count("sector_country", x.tier));
        c.sector_indicators
            .iter()
            .for_each(|x| count("sector", x.tier));
        c.goods.iter().for_each(|x| count("good", x.tier));
        by_kind.insert("legal_text".to_owned(), self.legal.len());
        KbSummary {
            version: self.version.clone(),
            entities_by_list: by_list,
            indicators_by_tier: by_tier,
            indicators_by_kind: by_kind,
            ofac: self.ofac_stats.clone(),
            sources: self.sources(),
        }
    }
}
