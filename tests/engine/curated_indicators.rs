//! The shipped curated tables (`data/indicators/`): provenance, vocabularies, countries,
//! regions and sector-country risks, read as a specification of what the knowledge base asserts.

use std::collections::HashSet;

use crate::common::{curated, read};
use caatsa_screen::indicators::curated::{
    is_goods_sector, is_known_sector, load_curated, CuratedError, CuratedFiles, INDICATORS_FILE,
};
use caatsa_screen::indicators::{Source, Tier};

fn assert_sourced(what: &str, source: &Source) {
    assert!(
        !source.title.trim().is_empty(),
        "{what}: empty source title"
    );
    assert!(!source.date.trim().is_empty(), "{what}: empty source date");
    assert!(
        source.url.starts_with("https://") || source.url.starts_with("http://"),
        "{what}: source URL `{}`",
        source.url
    );
}

#[test]
fn every_indicator_of_the_shipped_tables_carries_a_source_title_date_and_url() {
    let c = curated();
    for e in &c.entities {
        assert_sourced(&e.id, &e.source);
    }
    for a in &c.sdn_annotations {
        assert_sourced(&a.id, &a.source);
    }
    for country in &c.host_countries {
        assert_sourced(&country.code, &country.source);
    }
    for region in &c.regions {
        assert_sourced(&region.id, &region.source);
        for sector in &region.sectors {
            assert_sourced(&format!("{} {}", region.id, sector.sector), &sector.source);
        }
    }
    for risk in &c.sector_countries {
        assert_sourced(&format!("{}x{}", risk.sector, risk.country), &risk.source);
    }
    for s in &c.sector_indicators {
        assert_sourced(&s.id, &s.source);
    }
    for g in &c.goods {
        assert_sourced(&g.id, &g.source);
    }
}

#[test]
fn all_155_source_rows_are_kept_and_only_the_annex_placeholder_is_skipped() {
    let c = curated();
    let loaded = c.entities.len()
        + c.sdn_annotations.len()
        + c.host_countries.len()
        + c.regions.len()
        + c.sector_indicators.len()
        + c.goods.len();
    let rows = csv::Reader::from_reader(read("indicators/indicators.csv").as_slice())
        .records()
        .count();
    assert_eq!(rows, 155);
    assert_eq!(loaded, 154);
    let table = String::from_utf8(read("indicators/indicators.csv")).expect("utf-8");
    assert!(table.contains("placeholder:advisory-2018-annex-2-joint-ventures,entity,\"(2018 advisory Annex 2 joint ventures"));
    assert!(c.entities.iter().all(|e| !e.name.contains("Annex 2")));
}

#[test]
fn every_sector_id_in_use_is_in_the_vocabulary_and_sector_countries_are_goods_only() {
    let c = curated();
    let in_use = c
        .entity_sectors
        .values()
        .flatten()
        .chain(c.goods.iter().flat_map(|g| &g.sectors))
        .chain(c.sector_indicators.iter().filter_map(|s| s.sector.as_ref()))
        .chain(
            c.regions
                .iter()
                .flat_map(|r| r.sectors.iter().map(|s| &s.sector)),
        );
    for sector in in_use {
        assert!(is_known_sector(sector.as_str()), "unknown sector {sector}");
    }
    for risk in &c.sector_countries {
        assert!(
            is_goods_sector(risk.sector.as_str()),
            "{} is not a goods sector",
            risk.sector
        );
    }
}

#[test]
fn every_country_code_is_an_assigned_iso_3166_code() {
    let bytes = read("iso3166/datasets-country-codes.csv");
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let column = reader
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "ISO3166-1-Alpha-2")
        .expect("alpha-2 column");
    let assigned: HashSet<String> = reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| r.get(column).map(str::to_owned))
        .collect();
    let c = curated();
    let codes = c
        .host_countries
        .iter()
        .map(|x| &x.code)
        .chain(
            c.regions
                .iter()
                .map(|r| &r.country)
                .filter(|code| !code.is_empty()),
        )
        .chain(c.sector_countries.iter().map(|r| &r.country))
        .chain(c.goods.iter().filter_map(|g| g.country.as_ref()))
        .chain(c.entities.iter().flat_map(|e| &e.country_codes));
    for code in codes {
        assert!(
            assigned.contains(code),
            "{code} is not an ISO 3166-1 alpha-2 code"
        );
    }
    assert!(!assigned.contains("XX"));
}

#[test]
fn region_dandong_documents_seafood_apparel_and_ppe_each_with_its_own_tier() {
    let c = curated();
    let dandong = c.region("region:dandong").expect("Dandong");
    assert_eq!(dandong.country, "CN");
    let tier_of = |sector: &str| {
        dandong
            .sectors
            .iter()
            .filter(|s| s.sector == sector)
            .map(|s| s.tier)
            .min()
    };
    assert_eq!(tier_of("seafood"), Some(Tier::InvestigativeReport));
    assert_eq!(tier_of("apparel"), Some(Tier::GovEnforcement));
    assert_eq!(tier_of("ppe"), Some(Tier::InvestigativeReport));
    assert_eq!(tier_of("timber"), None);
}

#[test]
fn hunchun_documents_seafood_garments_and_wood_flooring_from_the_ap_investigation() {
    let c = curated();
    let hunchun = c.region("region:hunchun").expect("Hunchun");
    let sectors: HashSet<&str> = hunchun.sectors.iter().map(|s| s.sector.as_str()).collect();
    assert_eq!(sectors, HashSet::from(["seafood", "apparel", "timber"]));
    assert!(hunchun
        .sectors
        .iter()
        .all(|s| s.tier == Tier::InvestigativeReport));
}

#[test]
fn the_middle_east_region_spans_countries_and_has_no_country_code() {
    let c = curated();
    assert_eq!(
        c.region("region:middle-east").expect("Middle East").country,
        ""
    );
    assert_eq!(
        c.region("region:vladivostok").expect("Vladivostok").country,
        "RU"
    );
}

#[test]
fn sector_countries_contain_seafood_in_china_and_timber_in_russia() {
    let c = curated();
    let has = |sector: &str, country: &str| {
        c.sector_countries
            .iter()
            .any(|r| r.sector == sector && r.country == country)
    };
    assert!(has("seafood", "CN"));
    assert!(has("timber", "RU"));
    assert!(has("ships", "PL"));
    assert!(
        !has("seafood", "RU"),
        "no source ties seafood processing in Russia to NK labor"
    );
    assert!(
        !has("sporting_goods", "CN"),
        "the Li-Ning release states no country"
    );
}

#[test]
fn countries_are_advisory_context_and_north_korea_is_among_them() {
    let c = curated();
    assert!(c.host_countries.iter().all(|x| x.tier == Tier::Advisory));
    assert!(c.host_countries.iter().any(|x| x.code == "KP"));
    assert_eq!(c.host_countries.len(), 35);
}

#[test]
fn a_bad_tier_in_the_shipped_table_fails_with_file_line_and_column() {
    let table = String::from_utf8(read("indicators/indicators.csv")).expect("utf-8");
    let broken = table.replacen(
        "region:dandong,region,Dandong,,investigative_report,",
        "region:dandong,region,Dandong,,hearsay,",
        1,
    );
    assert_ne!(broken, table, "the row to break must exist");
    let line = broken
        .lines()
        .position(|l| l.starts_with("region:dandong,"))
        .expect("line")
        + 1;
    let (regions, countries, roles, aliases) = (
        read("indicators/region_sectors.csv"),
        read("indicators/sector_countries.csv"),
        read("indicators/entity_roles.csv"),
        read("indicators/alias_sources.csv"),
    );
    let err = load_curated(&CuratedFiles {
        indicators: broken.as_bytes(),
        region_sectors: &regions,
        sector_countries: &countries,
        entity_roles: &roles,
        alias_sources: &aliases,
    })
    .expect_err("a bad tier must not load");
    match &err {
        CuratedError::Field {
            file,
            line: at,
            column,
            ..
        } => {
            assert_eq!(*file, INDICATORS_FILE);
            assert_eq!(*at, line as u64);
            assert_eq!(*column, "tier");
        }
        other => panic!("unexpected error: {other}"),
    }
    let message = err.to_string();
    assert!(message.contains("data/indicators/indicators.csv") && message.contains("hearsay"));
}
