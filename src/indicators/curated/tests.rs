//! Validation rules of the loader, each with a row that passes and one that fails.

use super::*;
use crate::indicators::model::{AliasStrength, EntityType, ListKind, Tier};

const HEADER: &str = "id,kind,value,aliases,tier,list,sectors,country,ent_num,source_title,source_date,source_url,note\n";
const SRC: &str = "Some title,2020-01-01,https://example.org/a";
const REGION_HEADER: &str = "region_id,sector,tier,source_title,source_date,source_url,note\n";
const SECTOR_COUNTRY_HEADER: &str =
    "sector,country,tier,source_title,source_date,source_url,note\n";

fn indicators(rows: &[&str]) -> String {
    let mut text = HEADER.to_owned();
    for row in rows {
        text.push_str(row);
        text.push('\n');
    }
    text
}

fn load(rows: &[&str]) -> Result<Curated, CuratedError> {
    load_tables(
        indicators(rows).as_bytes(),
        REGION_HEADER.as_bytes(),
        SECTOR_COUNTRY_HEADER.as_bytes(),
    )
}

/// Loads the three source tables with a role (`unstated`) for every listed entity row and an
/// origin (`short_form`) for every alias, so that each test states only what it is about.
fn load_tables(
    indicators_csv: &[u8],
    region_sectors: &[u8],
    sector_countries: &[u8],
) -> Result<Curated, CuratedError> {
    let mut roles = "id,role,basis\n".to_owned();
    let mut aliases = "id,alias,origin,source_title,source_date,source_url,note\n".to_owned();
    let mut reader = csv::Reader::from_reader(indicators_csv);
    for record in reader.records().flatten() {
        let (id, kind, names, list) = (&record[0], &record[1], &record[3], &record[5]);
        if kind != "entity" || list.is_empty() {
            continue;
        }
        roles.push_str(&format!("{id},unstated,Test.\n"));
        for name in names.split(';').filter(|n| !n.trim().is_empty()) {
            aliases.push_str(&format!("{id},{},short_form,,,,\n", name.trim()));
        }
    }
    load_curated(&CuratedFiles {
        indicators: indicators_csv,
        region_sectors,
        sector_countries,
        entity_roles: roles.as_bytes(),
        alias_sources: aliases.as_bytes(),
    })
}

fn field_error(err: CuratedError) -> (&'static str, u64, &'static str) {
    match err {
        CuratedError::Field {
            file, line, column, ..
        } => (file, line, column),
        other => panic!("expected a field error, got: {other}"),
    }
}

fn row(id: &str, kind: &str, value: &str, tier: &str, list: &str, rest: &str) -> String {
    // rest = sectors,country,ent_num
    format!("{id},{kind},{value},,{tier},{list},{rest},{SRC},A note.")
}

#[test]
fn a_valid_cbp_row_loads_as_an_organization_with_strong_aliases() {
    let line = format!(
        "cbp:acme-trading,entity,Acme Trading Ltd.,Acme;Acme T,gov_enforcement,cbp_enforcement,apparel,CN,,{SRC},Detained."
    );
    let curated = load(&[&line]).expect("valid");
    let entity = curated.entity("cbp:acme-trading").expect("entity");
    assert_eq!(entity.list, ListKind::CbpEnforcement);
    assert_eq!(entity.entity_type, EntityType::Organization);
    assert_eq!(entity.country_codes, vec!["CN".to_owned()]);
    assert_eq!(entity.aliases.len(), 2);
    assert!(entity
        .aliases
        .iter()
        .all(|a| a.strength == AliasStrength::Strong && a.alias_type == "aka"));
    assert_eq!(curated.sectors_of_entity("cbp:acme-trading"), ["apparel"]);
}

#[test]
fn an_unknown_tier_names_file_line_and_column() {
    let good = row("region:a", "region", "A", "advisory", "", ",CN,");
    let bad = row("region:b", "region", "B", "rumour", "", ",CN,");
    let err = load(&[&good, &bad]).expect_err("bad tier");
    assert!(err.to_string().contains("unknown tier `rumour`"), "{err}");
    assert_eq!(field_error(err), (INDICATORS_FILE, 3, "tier"));
}

#[test]
fn an_unknown_list_is_rejected() {
    let ok = row(
        "inv:a",
        "entity",
        "A Co",
        "investigative_report",
        "reported_employer",
        ",,",
    );
    assert!(load(&[&ok]).is_ok());
    let bad = row(
        "inv:a",
        "entity",
        "A Co",
        "investigative_report",
        "press_list",
        ",,",
    );
    assert_eq!(field_error(load(&[&bad]).expect_err("bad list")).2, "list");
}

#[test]
fn an_unknown_sector_id_is_rejected() {
    let ok = row("good:x", "good", "X", "advisory", "", "seafood;apparel,,");
    assert!(load(&[&ok]).is_ok());
    let bad = row("good:x", "good", "X", "advisory", "", "seafood;fish,,");
    let err = load(&[&bad]).expect_err("bad sector");
    assert!(
        err.to_string().contains("unknown sector id `fish`"),
        "{err}"
    );
}

#[test]
fn a_missing_source_url_is_rejected() {
    let bad = "region:a,region,A,,advisory,,,CN,,Some title,2020-01-01,,A note.";
    let (_, line, column) = field_error(load(&[bad]).expect_err("no url"));
    assert_eq!((line, column), (2, "source_url"));
}

#[test]
fn a_missing_source_date_is_rejected() {
    let bad = "region:a,region,A,,advisory,,,CN,,Some title,,https://example.org/a,A note.";
    assert_eq!(field_error(load(&[bad]).expect_err("no date")).1, 2);
}

#[test]
fn duplicate_ids_are_rejected_with_both_lines() {
    let a = row("region:a", "region", "A", "advisory", "", ",CN,");
    let err = load(&[&a, &a]).expect_err("duplicate");
    assert!(err.to_string().contains("already used on line 2"), "{err}");
    assert_eq!(field_error(err), (INDICATORS_FILE, 3, "id"));
}

#[test]
fn the_tier_of_a_listed_entity_follows_its_list() {
    let ok = row(
        "treas:a",
        "entity",
        "A Co",
        "gov_designation",
        "ofac_north_korea",
        ",,",
    );
    assert!(load(&[&ok]).is_ok());
    let bad = row(
        "treas:a",
        "entity",
        "A Co",
        "advisory",
        "ofac_north_korea",
        ",,",
    );
    assert_eq!(field_error(load(&[&bad]).expect_err("tier")).2, "tier");
}

#[test]
fn country_rows_are_advisory_and_keyed_by_their_code() {
    let ok = row("country:cn", "country", "China", "advisory", "", ",CN,");
    assert_eq!(load(&[&ok]).expect("valid").host_countries[0].code, "CN");
    let wrong_id = row("country:china", "country", "China", "advisory", "", ",CN,");
    assert_eq!(field_error(load(&[&wrong_id]).expect_err("id")).2, "id");
    let wrong_tier = row(
        "country:cn",
        "country",
        "China",
        "investigative_report",
        "",
        ",CN,",
    );
    assert_eq!(
        field_error(load(&[&wrong_tier]).expect_err("tier")).2,
        "tier"
    );
}

#[test]
fn sdn_rows_become_annotations_keyed_by_ent_num() {
    let line = format!(
        "sdn:19611,entity,Some Corporation,SC,gov_designation,ofac_north_korea,construction,,19611,{SRC},Supplies workers."
    );
    let curated = load(&[&line]).expect("valid");
    assert!(curated.entities.is_empty());
    let annotation = curated.annotation_for(19611).expect("annotation");
    assert_eq!(annotation.entity_id(), "ofac:19611");
    assert_eq!(annotation.aliases[0].strength, AliasStrength::Weak);
    assert_eq!(curated.sectors_of_entity("ofac:19611"), ["construction"]);
}

#[test]
fn an_sdn_row_id_must_repeat_its_ent_num() {
    let bad = format!(
        "sdn:19612,entity,Some Corporation,,gov_designation,ofac_north_korea,,,19611,{SRC},Note."
    );
    let err = load(&[&bad]).expect_err("id mismatch");
    assert!(err.to_string().contains("must be `sdn:19611`"), "{err}");
}

#[test]
fn ent_num_is_refused_outside_ofac_rows() {
    let bad = format!("cbp:a,entity,A Co,,gov_enforcement,cbp_enforcement,,,19611,{SRC},Note.");
    assert_eq!(
        field_error(load(&[&bad]).expect_err("ent_num")).2,
        "ent_num"
    );
}

#[test]
fn placeholder_rows_are_skipped_and_other_list_less_entities_are_refused() {
    let placeholder = row(
        "placeholder:annex",
        "entity",
        "(names not retrieved)",
        "advisory",
        "",
        ",,",
    );
    let curated = load(&[&placeholder]).expect("valid");
    assert!(curated.entities.is_empty() && curated.sdn_annotations.is_empty());
    let listless = row("inv:a", "entity", "A Co", "advisory", "", ",,");
    assert_eq!(
        field_error(load(&[&listless]).expect_err("no list")).2,
        "id"
    );
}

#[test]
fn an_ofac_style_person_row_is_a_person() {
    let line = format!(
        "treas:kim-a,entity,\"KIM, A-ri\",,gov_designation,ofac_north_korea,,,,{SRC},Note."
    );
    let curated = load(&[&line]).expect("valid");
    assert_eq!(curated.entities[0].entity_type, EntityType::Person);
}

#[test]
fn a_sector_row_maps_to_at_most_one_sector() {
    let ok = row(
        "sector:apparel",
        "sector",
        "apparel",
        "advisory",
        "",
        "apparel,,",
    );
    assert_eq!(
        load(&[&ok]).expect("valid").sector_indicators[0].sector,
        Some(crate::indicators::Sector::Apparel)
    );
    let bad = row(
        "sector:apparel",
        "sector",
        "apparel",
        "advisory",
        "",
        "apparel;textiles,,",
    );
    assert_eq!(field_error(load(&[&bad]).expect_err("two")).2, "sectors");
}

#[test]
fn region_sectors_attach_to_their_region() {
    let region = row(
        "region:a",
        "region",
        "A",
        "investigative_report",
        "",
        ",CN,",
    );
    let links = format!("{REGION_HEADER}region:a,seafood,investigative_report,{SRC},Plants.\n");
    let curated = load_tables(
        indicators(&[&region]).as_bytes(),
        links.as_bytes(),
        SECTOR_COUNTRY_HEADER.as_bytes(),
    )
    .expect("valid");
    let sectors = &curated.region("region:a").expect("region").sectors;
    assert_eq!(sectors[0].sector, "seafood");
    assert_eq!(sectors[0].tier, Tier::InvestigativeReport);
}

#[test]
fn a_region_sector_row_naming_an_unknown_region_is_rejected() {
    let region = row("region:a", "region", "A", "advisory", "", ",CN,");
    let links = format!("{REGION_HEADER}region:b,seafood,advisory,{SRC},Plants.\n");
    let err = load_tables(
        indicators(&[&region]).as_bytes(),
        links.as_bytes(),
        SECTOR_COUNTRY_HEADER.as_bytes(),
    )
    .expect_err("unknown region");
    assert!(
        err.to_string().contains("unknown region `region:b`"),
        "{err}"
    );
    assert_eq!(field_error(err), (REGION_SECTORS_FILE, 2, "region_id"));
}

#[test]
fn sector_countries_accept_goods_sectors_only() {
    let ok = format!("{SECTOR_COUNTRY_HEADER}timber,RU,advisory,{SRC},Logging.\n");
    let bad = format!("{SECTOR_COUNTRY_HEADER}construction,RU,advisory,{SRC},Building.\n");
    let load_with = |table: &str| {
        load_tables(
            indicators(&[]).as_bytes(),
            REGION_HEADER.as_bytes(),
            table.as_bytes(),
        )
    };
    assert_eq!(
        load_with(&ok).expect("valid").sector_countries[0].country,
        "RU"
    );
    assert_eq!(
        field_error(load_with(&bad).expect_err("service sector")),
        (SECTOR_COUNTRIES_FILE, 2, "sector")
    );
}

#[test]
fn the_same_pair_from_the_same_source_twice_is_rejected() {
    let row = format!("timber,RU,advisory,{SRC},Logging.\n");
    let table = format!("{SECTOR_COUNTRY_HEADER}{row}{row}");
    let err = load_tables(
        indicators(&[]).as_bytes(),
        REGION_HEADER.as_bytes(),
        table.as_bytes(),
    )
    .expect_err("duplicate");
    assert_eq!(field_error(err).1, 3);
}
