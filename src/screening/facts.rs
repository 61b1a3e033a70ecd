//! [`LineFacts`]: what a line says once read against the reference tables — countries resolved
//! to ISO codes (or found ambiguous), the port of lading, the HS code (given, or quoted in the
//! description) and the sectors. Computed once per line; every rule reads it.

use crate::indicators::{
    normalize_hs, CountryResolution, HsCode, KnowledgeBase, Port, SectorBasis, SectorId,
    SectorMatch,
};
use crate::manifest::{Field, ManifestLine, PartyRole};
use crate::memo::Memo;

use super::result::{LineContext, RecognisedSector, ResolvedCountry};

/// A country field as read.
#[derive(Debug, Clone)]
pub struct CountryFact {
    pub field: Field,
    pub input: String,
    pub resolution: CountryResolution,
}

pub struct LineFacts<'a> {
    pub line: &'a ManifestLine,
    pub countries: Vec<CountryFact>,
    pub port: Option<Port>,
    pub hs: Option<HsCode>,
    pub sectors: Vec<SectorMatch>,
}

/// Party names that stand for no party (AMS "to order" bills, unknown shippers).
const PLACEHOLDER_NAMES: &[&str] = &[
    "to order",
    "to the order",
    "to order of shipper",
    "to the order of shipper",
    "unknown",
    "n a",
    "na",
    "none",
    "same as consignee",
    "same as shipper",
    "not available",
];

/// True when a party name is a placeholder rather than a party. Compares word by word without
/// allocating: it runs for every party of every line.
pub fn is_placeholder(name: &str) -> bool {
    let words = || {
        name.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    let same = |phrase: &str| {
        let mut given = words();
        let mut wanted = phrase.split(' ');
        loop {
            match (given.next(), wanted.next()) {
                (None, None) => return true,
                (Some(g), Some(w)) if g.eq_ignore_ascii_case(w) => {}
                _ => return false,
            }
        }
    };
    let to_the_order_of = || {
        let mut given = words();
        ["to", "the", "order", "of"]
            .iter()
            .all(|p| given.next().is_some_and(|g| g.eq_ignore_ascii_case(p)))
            && given.next().is_some()
    };
    words().next().is_none() || PLACEHOLDER_NAMES.iter().any(|p| same(p)) || to_the_order_of()
}

/// Remembered readings of the values lines repeat (countries, ports, codes and descriptions).
#[derive(Default)]
pub struct FactsMemo {
    countries: Memo<CountryResolution>,
    ports: Memo<Option<Port>>,
    goods: Memo<(Option<HsCode>, Vec<SectorMatch>)>,
}

impl<'a> LineFacts<'a> {
    pub fn read(kb: &KnowledgeBase, memo: &FactsMemo, line: &'a ManifestLine) -> LineFacts<'a> {
        let countries = [
            Field::CountryOfOrigin,
            Field::SupplierCountry,
            Field::ManufacturerCountry,
        ]
        .into_iter()
        .filter_map(|field| {
            let input = line.get(field)?;
            Some(CountryFact {
                field,
                resolution: memo
                    .countries
                    .get_or(&input, || kb.countries.resolve(&input)),
                input,
            })
        })
        .collect();
        let port = line
            .port_of_lading
            .as_deref()
            .and_then(|p| memo.ports.get_or(p, || kb.ports.resolve(p)));
        let (hts, description) = (line.hts_code.as_deref(), line.description.as_deref());
        let goods_key = format!(
            "{}\u{1f}{}",
            hts.unwrap_or_default(),
            description.unwrap_or_default()
        );
        let (hs, sectors) = memo.goods.get_or(&goods_key, || {
            let hs = hts.and_then(normalize_hs);
            let sectors = kb.sectors.classify(hs.as_ref(), description);
            (hs, sectors)
        });
        LineFacts {
            line,
            countries,
            port,
            hs,
            sectors,
        }
    }

    /// The ISO code of a party's country field, when it resolves.
    pub fn party_country(&self, role: PartyRole) -> Option<&str> {
        self.countries
            .iter()
            .find(|c| c.field == role.country_field())
            .and_then(|c| c.resolution.code())
    }

    /// Every ISO code the line's country fields resolve to.
    pub fn country_codes(&self) -> impl Iterator<Item = (&CountryFact, &str)> {
        self.countries
            .iter()
            .filter_map(|c| c.resolution.code().map(|code| (c, code)))
    }

    pub fn has_sector(&self, sector: SectorId) -> Option<&SectorMatch> {
        self.sectors.iter().find(|s| s.sector == sector)
    }

    /// The input field and value a sector was read from.
    pub fn sector_input(&self, sector: &SectorMatch) -> (Field, String) {
        let description = || {
            (
                Field::Description,
                self.line.description.clone().unwrap_or_default(),
            )
        };
        match (&sector.basis, &self.line.hts_code) {
            (SectorBasis::HsPrefix { .. }, Some(code)) => (Field::HtsCode, code.clone()),
            _ => description(),
        }
    }

    /// The context block of the result.
    pub fn context(&self, kb: &KnowledgeBase) -> LineContext {
        LineContext {
            countries: self
                .countries
                .iter()
                .map(|c| ResolvedCountry {
                    field: c.field.as_str().to_owned(),
                    input: c.input.clone(),
                    code: c.resolution.code().map(str::to_owned),
                    name: c
                        .resolution
                        .code()
                        .and_then(|code| kb.countries.name(code))
                        .map(str::to_owned),
                })
                .collect(),
            sectors: self
                .sectors
                .iter()
                .map(|s| RecognisedSector {
                    sector: s.sector,
                    label: s.label.clone(),
                    basis: describe_basis(&s.basis),
                })
                .collect(),
            hts_code: self.hs.as_ref().map(|h| h.digits.clone()),
        }
    }
}

/// `hts_code 0307.43` or `description keyword "squid"`.
pub fn describe_basis(basis: &SectorBasis) -> String {
    match basis {
        SectorBasis::HsPrefix { code, prefix } => {
            format!("HS code {code} (heading prefix {prefix})")
        }
        SectorBasis::Keyword { keyword } => format!("description keyword \"{keyword}\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_parties_are_recognised() {
        for name in [
            "TO ORDER",
            "To the order of BANK OF CHINA",
            "UNKNOWN",
            "N/A",
            "same as consignee",
            " - ",
        ] {
            assert!(is_placeholder(name), "{name}");
        }
        for name in [
            "Dandong Taifeng Foodstuff",
            "Order Foods Ltd",
            "Unknown Pleasures Records",
        ] {
            assert!(!is_placeholder(name), "{name}");
        }
    }
}
