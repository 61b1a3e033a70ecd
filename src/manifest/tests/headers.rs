//! Header -> canonical field resolution.

use super::super::aliases::{header_meaning, HeaderMeaning};
use super::super::{Field, ManifestError};
use super::{csv, csv_error};

#[test]
fn header_aliases_used_by_real_exports_resolve_to_canonical_fields() {
    let table: &[(&str, Field)] = &[
        ("Bill of Lading", Field::ShipmentId),
        ("BOL", Field::ShipmentId),
        ("B/L", Field::ShipmentId),
        ("BL Number", Field::ShipmentId),
        ("Master BOL", Field::ShipmentId),
        ("master_bol_number", Field::ShipmentId),
        ("Entry Number", Field::EntryNumber),
        ("Shipment ID", Field::ShipmentId),
        ("shipment_id", Field::ShipmentId),
        ("identifier", Field::ShipmentId),
        ("Bill of Lading Number", Field::ShipmentId),
        ("Line", Field::Line),
        ("Line No.", Field::Line),
        ("LINE_NUMBER", Field::Line),
        ("Item No", Field::Line),
        ("Seq", Field::Line),
        ("description_sequence_number", Field::Line),
        ("Importer", Field::Importer),
        ("Consignee", Field::Consignee),
        ("consignee_name", Field::Consignee),
        ("notify_party_name", Field::NotifyParty),
        ("port_of_unlading", Field::PortOfUnlading),
        ("actual_arrival_date", Field::ArrivalDate),
        ("container_number", Field::ContainerNumbers),
        ("marks_and_numbers", Field::Marks),
        ("Importer of Record", Field::Importer),
        ("Shipper", Field::SupplierName),
        ("Shipper Name", Field::SupplierName),
        ("shipper_party_name", Field::SupplierName),
        ("Seller", Field::SupplierName),
        ("Vendor", Field::SupplierName),
        ("Exporter", Field::SupplierName),
        ("Supplier", Field::SupplierName),
        ("Shipper Address", Field::SupplierAddress),
        ("shipper_address", Field::SupplierAddress),
        ("Supplier Address", Field::SupplierAddress),
        ("shipper_party_address_1", Field::SupplierAddress),
        ("shipper_party_address_4", Field::SupplierAddress),
        ("Shipper City", Field::SupplierCity),
        ("Supplier City", Field::SupplierCity),
        ("Shipper Country", Field::SupplierCountry),
        ("Supplier Country", Field::SupplierCountry),
        ("Shipper Country Code", Field::SupplierCountry),
        ("Manufacturer", Field::ManufacturerName),
        ("Manufacturer Name", Field::ManufacturerName),
        ("Mfr", Field::ManufacturerName),
        ("Producer", Field::ManufacturerName),
        ("Factory", Field::ManufacturerName),
        ("Manufacturer Address", Field::ManufacturerAddress),
        ("Factory Address 2", Field::ManufacturerAddress),
        ("Manufacturer City", Field::ManufacturerCity),
        ("Mfr Country", Field::ManufacturerCountry),
        ("Country of Origin", Field::CountryOfOrigin),
        ("Country of Origin (F)", Field::CountryOfOrigin),
        ("COO", Field::CountryOfOrigin),
        ("Origin", Field::CountryOfOrigin),
        ("Origin Country", Field::CountryOfOrigin),
        ("HTS", Field::HtsCode),
        ("HS", Field::HtsCode),
        ("HS Code", Field::HtsCode),
        ("HS-Code", Field::HtsCode),
        ("HTSUS", Field::HtsCode),
        ("HTS Code", Field::HtsCode),
        ("Harmonized Number", Field::HtsCode),
        ("harmonized_number", Field::HtsCode),
        ("Tariff", Field::HtsCode),
        ("Goods Description", Field::Description),
        ("Cargo Description", Field::Description),
        ("Description", Field::Description),
        ("description_text", Field::Description),
        ("Product", Field::Description),
        ("Commodity", Field::Description),
        ("Goods Shipped", Field::Description),
        ("Port of Lading", Field::PortOfLading),
        ("Foreign Port of Lading", Field::PortOfLading),
        ("foreign_port_of_lading", Field::PortOfLading),
        ("POL", Field::PortOfLading),
        ("Port of Loading", Field::PortOfLading),
        ("Port of Loading (F)", Field::PortOfLading),
        ("Quantity", Field::Quantity),
        ("Qty", Field::Quantity),
        ("Piece Count", Field::Quantity),
        ("piece_count", Field::Quantity),
        ("Value", Field::ValueUsd),
        ("Value (USD)", Field::ValueUsd),
        ("Value USD", Field::ValueUsd),
        ("value_usd", Field::ValueUsd),
        ("Declared Value", Field::ValueUsd),
        ("Vessel", Field::VesselName),
        ("Vessel Name", Field::VesselName),
        ("vessel_name", Field::VesselName),
        ("IMO", Field::VesselImo),
        ("Vessel IMO", Field::VesselImo),
        ("IMO Number", Field::VesselImo),
        ("  supplier name  ", Field::SupplierName),
        ("SUPPLIER-NAME", Field::SupplierName),
    ];
    for (header, field) in table {
        assert_eq!(
            header_meaning(header),
            HeaderMeaning::Field(*field),
            "header `{header}`"
        );
    }
}

#[test]
fn every_canonical_field_name_is_its_own_alias() {
    for field in Field::ALL {
        assert_eq!(header_meaning(field.as_str()), HeaderMeaning::Field(field));
    }
}

#[test]
fn headers_that_only_resemble_aliases_stay_unknown() {
    for header in [
        "Origin (F)",
        "Shipper (Original Format)",
        "HS6",
        "harmonized_value",
        "house_bol_number",
        "estimated_arrival_date",
        "Supplier 2",
    ] {
        assert_eq!(header_meaning(header), HeaderMeaning::Unknown, "`{header}`");
    }
}

#[test]
fn unknown_columns_are_echoed_in_extra_under_their_header() {
    let manifest = csv("BOL,Shipper,Seal Number,Notes\nB1,ACME,K8564655,fragile\n");
    let line = &manifest.lines[0];
    assert_eq!(
        line.extra.get("Seal Number").map(String::as_str),
        Some("K8564655")
    );
    assert_eq!(line.extra.get("Notes").map(String::as_str), Some("fragile"));
    assert!(manifest.warnings.is_empty(), "{:?}", manifest.warnings);
}

#[test]
fn empty_unknown_cells_are_not_echoed() {
    let manifest = csv("Shipper,Notes\nACME,  \n");
    assert!(manifest.lines[0].extra.is_empty());
}

#[test]
fn the_first_of_two_columns_for_one_field_wins_and_the_second_is_echoed_with_a_warning() {
    let manifest = csv("BOL,Shipper,Supplier Name\nB1,FIRST CO,SECOND CO\n");
    let line = &manifest.lines[0];
    assert_eq!(line.supplier_name.as_deref(), Some("FIRST CO"));
    assert_eq!(
        line.extra.get("Supplier Name").map(String::as_str),
        Some("SECOND CO")
    );
    assert_eq!(manifest.warnings.len(), 1);
    assert!(
        manifest.warnings[0].contains("`Shipper` (column 2)"),
        "{}",
        manifest.warnings[0]
    );
}

#[test]
fn repeated_unknown_headers_get_distinct_extra_keys() {
    let manifest = csv("Shipper,Note,Note\nACME,a,b\n");
    let extra = &manifest.lines[0].extra;
    assert_eq!(extra.get("Note").map(String::as_str), Some("a"));
    assert_eq!(extra.get("Note (column 3)").map(String::as_str), Some("b"));
}

#[test]
fn numbered_address_columns_are_joined_in_column_order() {
    let manifest = csv(
        "shipper_party_name,shipper_party_address_1,zip,shipper_party_address_2,shipper_party_address_3\n\
         LEADTONE,\"NO.8 XINHUA ROAD WUXI,JI\",214028,ANGSU,\n",
    );
    assert_eq!(
        manifest.lines[0].supplier_address.as_deref(),
        Some("NO.8 XINHUA ROAD WUXI,JI ANGSU")
    );
}

#[test]
fn unqualified_city_and_country_belong_to_the_only_party_named() {
    let manifest = csv("BOL,Shipper,City,Country Code\nB1,ACME,DANDONG,CN\n");
    let line = &manifest.lines[0];
    assert_eq!(line.supplier_city.as_deref(), Some("DANDONG"));
    assert_eq!(line.supplier_country.as_deref(), Some("CN"));
    assert_eq!(manifest.warnings.len(), 2, "each attribution is announced");

    let manifest = csv("Manufacturer,Country\nACME,CN\n");
    assert_eq!(
        manifest.lines[0].manufacturer_country.as_deref(),
        Some("CN")
    );
}

#[test]
fn unqualified_city_and_country_are_not_guessed_when_several_parties_are_named() {
    let manifest = csv("Shipper,Consignee,City,Country Code\nACME,BUYER INC,NEWARK,US\n");
    let line = &manifest.lines[0];
    assert_eq!(line.supplier_city, None);
    assert_eq!(line.supplier_country, None);
    assert_eq!(
        line.extra.get("Country Code").map(String::as_str),
        Some("US")
    );
    assert!(manifest
        .warnings
        .iter()
        .any(|w| w.contains("echoed in extra")));

    let manifest = csv("Shipper,notify_party_name,city\nACME,AGENT,NEWARK\n");
    assert_eq!(manifest.lines[0].supplier_city, None);
}

#[test]
fn a_byte_order_mark_before_the_first_header_is_ignored() {
    let manifest = csv("\u{feff}Shipment ID,Shipper\nS1,ACME\n");
    assert_eq!(manifest.lines[0].shipment_id, "S1");
    assert!(manifest.lines[0].extra.is_empty());
}

#[test]
fn a_header_naming_no_party_or_country_is_a_schema_error_listing_headers_and_aliases() {
    let error = csv_error(b"Shipment ID,HS Code,Weight\nS1,0307,10\n");
    let ManifestError::Schema(message) = error else {
        panic!("expected a schema error, got {error:?}");
    };
    assert!(
        message.contains("`Shipment ID`, `HS Code`, `Weight`"),
        "{message}"
    );
    assert!(
        message.contains("supplier_name: supplier_name, Supplier, Shipper"),
        "{message}"
    );
    assert!(message.contains("Country of Origin"), "{message}");
}

#[test]
fn a_header_with_only_a_country_column_is_accepted() {
    let manifest = csv("COO\nKP\n");
    assert_eq!(manifest.lines[0].country_of_origin.as_deref(), Some("KP"));
}
