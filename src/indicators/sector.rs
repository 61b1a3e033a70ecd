//! [`Sector`]: the closed vocabulary of sectors, as a type. Goods sectors are the ones a manifest
//! line can belong to (HS prefixes and description keywords classify into them); service sectors
//! describe labor-export work that ships no goods (construction, IT services ...) and appear only
//! on entities and regions. An enum, not strings, so that a misspelt sector is a compile or load
//! error rather than a rule that silently never fires; the JSON keeps the snake_case ids.

use serde::{Deserialize, Serialize};

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    utoipa::ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    Seafood,
    Apparel,
    Footwear,
    Textiles,
    Timber,
    Wigs,
    Coal,
    Iron,
    Gold,
    Minerals,
    Bricks,
    Cement,
    Electronics,
    Ppe,
    SportingGoods,
    Ships,
    Containers,
    Construction,
    ItServices,
    Hospitality,
    Medical,
    Pharmaceuticals,
}

impl Sector {
    /// Sectors of physical goods, in the order of `data/sectors/`.
    pub const GOODS: [Sector; 17] = [
        Sector::Seafood,
        Sector::Apparel,
        Sector::Footwear,
        Sector::Textiles,
        Sector::Timber,
        Sector::Wigs,
        Sector::Coal,
        Sector::Iron,
        Sector::Gold,
        Sector::Minerals,
        Sector::Bricks,
        Sector::Cement,
        Sector::Electronics,
        Sector::Ppe,
        Sector::SportingGoods,
        Sector::Ships,
        Sector::Containers,
    ];

    /// Sectors of work that produce no shipped goods themselves (labor-export context).
    pub const SERVICES: [Sector; 5] = [
        Sector::Construction,
        Sector::ItServices,
        Sector::Hospitality,
        Sector::Medical,
        Sector::Pharmaceuticals,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Sector::Seafood => "seafood",
            Sector::Apparel => "apparel",
            Sector::Footwear => "footwear",
            Sector::Textiles => "textiles",
            Sector::Timber => "timber",
            Sector::Wigs => "wigs",
            Sector::Coal => "coal",
            Sector::Iron => "iron",
            Sector::Gold => "gold",
            Sector::Minerals => "minerals",
            Sector::Bricks => "bricks",
            Sector::Cement => "cement",
            Sector::Electronics => "electronics",
            Sector::Ppe => "ppe",
            Sector::SportingGoods => "sporting_goods",
            Sector::Ships => "ships",
            Sector::Containers => "containers",
            Sector::Construction => "construction",
            Sector::ItServices => "it_services",
            Sector::Hospitality => "hospitality",
            Sector::Medical => "medical",
            Sector::Pharmaceuticals => "pharmaceuticals",
        }
    }

    pub fn parse(text: &str) -> Option<Sector> {
        Sector::GOODS
            .into_iter()
            .chain(Sector::SERVICES)
            .find(|s| s.as_str() == text)
    }

    pub fn is_goods(self) -> bool {
        Sector::GOODS.contains(&self)
    }

    /// Garments and the fabrics they are sewn from: the advisory's sub-contracting red flag.
    pub fn is_garment_family(self) -> bool {
        matches!(self, Sector::Apparel | Sector::Textiles)
    }
}

impl std::fmt::Display for Sector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Sector {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Sector {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sector_round_trips_through_its_id_and_json() {
        for s in Sector::GOODS.into_iter().chain(Sector::SERVICES) {
            assert_eq!(Sector::parse(s.as_str()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
        }
        assert_eq!(Sector::parse("sea food"), None);
    }
}
