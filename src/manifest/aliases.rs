//! The header alias table: which column names real exports use for each canonical field.
//!
//! The table is data, not a `match`: one row per field, aliases spelled the way exports spell
//! them (`Value (USD)`, `B/L`, `shipper_party_name`), so the table can be read, reviewed and
//! quoted in error messages as written. Lookup goes through [`normalize_header`], which drops
//! case, spaces, underscores, hyphens and punctuation. The trade-off: normalization makes
//! near-spellings match for free (`HS-Code`, `hs_code`, `HS Code`), but it also means two aliases
//! that differ only in punctuation are the same alias; a unit test keeps every normalized alias
//! unique to one field.
//!
//! Sources of the spellings: the CBP AMS public tables (`identifier`, `shipper_party_name`,
//! `shipper_party_address_1..4`, `foreign_port_of_lading`, `description_text`,
//! `harmonized_number`, `piece_count`, `consignee_name`), the flattened NIST FEIII 2018 file
//! (`shipper_address`), Panjiva exports (`Bill of Lading Number`, `Shipper`, `Consignee`,
//! `Country of Origin (F)`, `Port of Loading (F)`, `Goods Shipped`, `Qty`, `Value`, `IMO`) and
//! CBP Form 7501 / ISF terms (`Entry Number`, `Importer of Record`, `Manufacturer`, `Buyer`),
//! and the AMS header, container and marks tables (`port_of_unlading`, `actual_arrival_date`,
//! `container_number`, `marks_and_numbers_1..8`, `notify_party_name`).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Field;

/// One row of the alias table: a canonical field and the column names that mean it.
pub(crate) struct AliasRow {
    pub field: Field,
    pub aliases: &'static [&'static str],
}

/// Every accepted column name per canonical field. The canonical snake_case name always
/// matches as well and is not repeated here.
pub(crate) static ALIASES: &[AliasRow] = &[
    AliasRow {
        field: Field::ShipmentId,
        aliases: &[
            "Shipment ID",
            "Shipment Number",
            "Shipment",
            "Bill of Lading",
            "Bill of Lading Number",
            "BOL",
            "BOL Number",
            "B/L",
            "B/L No",
            "BL Number",
            "Master BOL",
            "Master BOL Number",
            "Master Bill of Lading",
            "identifier",
        ],
    },
    AliasRow {
        field: Field::Line,
        aliases: &[
            "Line",
            "Line No",
            "Line Number",
            "Line Item",
            // Not a bare "Item": invoices use it for the product; "Item No" is the line.
            "Item No",
            "Seq",
            "Sequence",
            "Sequence Number",
            "description_sequence_number",
        ],
    },
    AliasRow {
        field: Field::Importer,
        aliases: &["Importer", "Importer Name", "Importer of Record", "IOR"],
    },
    AliasRow {
        field: Field::SupplierName,
        aliases: &[
            "Supplier",
            "Shipper",
            "Shipper Name",
            "shipper_party_name",
            "Seller",
            "Seller Name",
            "Vendor",
            "Vendor Name",
            "Exporter",
            "Exporter Name",
        ],
    },
    AliasRow {
        field: Field::SupplierAddress,
        aliases: &[
            "Supplier Address",
            "Shipper Address",
            "shipper_party_address",
            "Seller Address",
            "Vendor Address",
            "Exporter Address",
        ],
    },
    AliasRow {
        field: Field::SupplierCity,
        aliases: &[
            "Supplier City",
            "Shipper City",
            "Seller City",
            "Vendor City",
            "Exporter City",
        ],
    },
    AliasRow {
        field: Field::SupplierCountry,
        aliases: &[
            "Supplier Country",
            "Supplier Country Code",
            "Shipper Country",
            "Shipper Country Code",
            "Seller Country",
            "Vendor Country",
            "Exporter Country",
        ],
    },
    AliasRow {
        field: Field::ManufacturerName,
        aliases: &[
            "Manufacturer",
            "Mfr",
            "Mfr Name",
            "Producer",
            "Producer Name",
            "Factory",
            "Factory Name",
        ],
    },
    AliasRow {
        field: Field::ManufacturerAddress,
        aliases: &[
            "Manufacturer Address",
            "Mfr Address",
            "Producer Address",
            "Factory Address",
        ],
    },
    AliasRow {
        field: Field::ManufacturerCity,
        aliases: &[
            "Manufacturer City",
            "Mfr City",
            "Producer City",
            "Factory City",
        ],
    },
    AliasRow {
        field: Field::ManufacturerCountry,
        aliases: &[
            "Manufacturer Country",
            "Manufacturer Country Code",
            "Mfr Country",
            "Producer Country",
            "Factory Country",
        ],
    },
    AliasRow {
        field: Field::CountryOfOrigin,
        aliases: &[
            "Country of Origin",
            "Country of Origin (F)",
            "Country of Origin Code",
            "COO",
            "Origin",
            "Origin Country",
        ],
    },
    AliasRow {
        field: Field::PortOfLading,
        aliases: &[
            "Port of Lading",
            "Foreign Port of Lading",
            "POL",
            "Port of Loading",
            "Port of Loading (F)",
            "Loading Port",
        ],
    },
    AliasRow {
        field: Field::HtsCode,
        aliases: &[
            "HTS",
            "HTS Code",
            "HTS Number",
            "HTSUS",
            "HTSUS Number",
            "HS",
            "HS Code",
            "Harmonized Number",
            "Harmonized Code",
            "Tariff",
            "Tariff Number",
        ],
    },
    AliasRow {
        field: Field::Description,
        aliases: &[
            "Description",
            "Description Text",
            "Goods Description",
            "Cargo Description",
            "Goods Shipped",
            "Product",
            "Product Description",
            "Commodity",
            "Commodity Description",
        ],
    },
    AliasRow {
        field: Field::Quantity,
        aliases: &["Quantity", "Qty", "Piece Count", "Pieces"],
    },
    AliasRow {
        field: Field::ValueUsd,
        aliases: &[
            "Value",
            "Value (USD)",
            "Value USD",
            "Declared Value",
            "Declared Value (USD)",
            "Value of Goods (USD)",
            "Entered Value",
        ],
    },
    AliasRow {
        field: Field::VesselName,
        aliases: &["Vessel", "Vessel Name"],
    },
    AliasRow {
        field: Field::VesselImo,
        aliases: &["IMO", "Vessel IMO", "IMO Number", "IMO No"],
    },
    AliasRow {
        field: Field::PortOfUnlading,
        aliases: &[
            "Port of Unlading",
            "Port of Unlading (D)",
            "US Port of Unlading",
            "US Port",
            "Port of Discharge",
            "Discharge Port",
            "Port of Entry",
            "Port of Arrival",
        ],
    },
    AliasRow {
        field: Field::ArrivalDate,
        // Not `estimated_arrival_date` / `ETA`: AMS files carry both dates, and the actual one
        // is the fact; the AMS table reader falls back to the estimate itself.
        aliases: &[
            "Arrival Date",
            "Actual Arrival Date",
            "Date of Arrival",
            "Import Date",
        ],
    },
    AliasRow {
        field: Field::EntryNumber,
        aliases: &["Entry Number", "Entry No", "Entry", "CBP Entry Number"],
    },
    AliasRow {
        field: Field::ContainerNumbers,
        aliases: &[
            "Container",
            "Container Number",
            "Container No",
            "Containers",
            "Container ID",
            "Equipment Number",
        ],
    },
    AliasRow {
        field: Field::Consignee,
        aliases: &[
            "Consignee",
            "Consignee Name",
            "Ultimate Consignee",
            "Buyer",
            "Buyer Name",
        ],
    },
    AliasRow {
        field: Field::NotifyParty,
        aliases: &["Notify Party", "Notify Party Name", "Notify"],
    },
    AliasRow {
        field: Field::Marks,
        aliases: &[
            "Marks",
            "Marks and Numbers",
            "Marks & Numbers",
            "Marks and Nos",
            "Shipping Marks",
        ],
    },
];

/// Column names that describe *a* party without saying which one (the AMS shipper, consignee
/// and notify-party tables all call their columns `city` and `country_code`). They are read as
/// the supplier's or manufacturer's only when the file names exactly that one party.
pub(crate) static UNQUALIFIED_PARTY_COLUMNS: &[(PartyAttribute, &[&str])] = &[
    (PartyAttribute::Address, &["Address", "Address Line"]),
    (PartyAttribute::City, &["City"]),
    (PartyAttribute::Country, &["Country", "Country Code"]),
];

/// Which attribute of an unnamed party a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PartyAttribute {
    Address,
    City,
    Country,
}

/// What a header means on its own, before the rest of the header row is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderMeaning {
    /// A canonical field.
    Field(Field),
    /// An attribute of a party the column does not name (`city`, `country_code`).
    Unqualified(PartyAttribute),
    /// Not a column we read; echoed in `extra`.
    Unknown,
}

/// The header reduced to lowercase letters and digits: `Value (USD)` -> `valueusd`,
/// `HS-Code` -> `hscode`, `\u{feff}B/L` -> `bl`. Non-ASCII letters are kept (lowercased).
pub(crate) fn normalize_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True for fields that may be spread over several columns (`address_1..4`,
/// `marks_and_numbers_1..8`, `container_number_2`) or given as a JSON array, which are joined.
pub(crate) fn is_multi_column(field: Field) -> bool {
    matches!(
        field,
        Field::SupplierAddress
            | Field::ManufacturerAddress
            | Field::Marks
            | Field::ContainerNumbers
    )
}

/// What joins the parts of a multi-column field: a list separator for container numbers (each
/// part is a number of its own), a space for text that was hard-wrapped over columns.
pub(crate) fn part_separator(field: Field) -> &'static str {
    if field == Field::ContainerNumbers {
        "; "
    } else {
        " "
    }
}

/// What `header` means: a canonical field, an unqualified party attribute, or unknown.
/// Address columns may carry a trailing number (`shipper_party_address_2`, `Address 3`).
pub(crate) fn header_meaning(header: &str) -> HeaderMeaning {
    let normalized = normalize_header(header);
    if let Some(meaning) = lookup().get(normalized.as_str()) {
        return *meaning;
    }
    let stem = normalized.trim_end_matches(|c: char| c.is_ascii_digit());
    if stem.len() < normalized.len() {
        match lookup().get(stem) {
            Some(HeaderMeaning::Field(field)) if is_multi_column(*field) => {
                return HeaderMeaning::Field(*field)
            }
            Some(HeaderMeaning::Unqualified(PartyAttribute::Address)) => {
                return HeaderMeaning::Unqualified(PartyAttribute::Address)
            }
            _ => {}
        }
    }
    HeaderMeaning::Unknown
}

/// The accepted column names for `field`, as written in the table (canonical name first).
pub(crate) fn aliases_of(field: Field) -> impl Iterator<Item = &'static str> {
    std::iter::once(field.as_str()).chain(
        ALIASES
            .iter()
            .filter(move |row| row.field == field)
            .flat_map(|row| row.aliases.iter().copied()),
    )
}

/// Normalized alias -> meaning, built once from the two tables above.
fn lookup() -> &'static HashMap<String, HeaderMeaning> {
    static LOOKUP: OnceLock<HashMap<String, HeaderMeaning>> = OnceLock::new();
    LOOKUP.get_or_init(|| {
        let mut map = HashMap::new();
        for field in Field::ALL {
            for alias in aliases_of(field) {
                map.insert(normalize_header(alias), HeaderMeaning::Field(field));
            }
        }
        for (attribute, aliases) in UNQUALIFIED_PARTY_COLUMNS {
            for alias in *aliases {
                map.insert(
                    normalize_header(alias),
                    HeaderMeaning::Unqualified(*attribute),
                );
            }
        }
        map
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn every_normalized_alias_belongs_to_exactly_one_meaning() {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut all: Vec<(String, String)> = Vec::new();
        for field in Field::ALL {
            for alias in aliases_of(field) {
                all.push((alias.to_owned(), field.as_str().to_owned()));
            }
        }
        for (attribute, aliases) in UNQUALIFIED_PARTY_COLUMNS {
            for alias in *aliases {
                all.push(((*alias).to_owned(), format!("{attribute:?}")));
            }
        }
        for (alias, owner) in all {
            let key = normalize_header(&alias);
            if let Some(previous) = seen.insert(key.clone(), owner.clone()) {
                assert_eq!(previous, owner, "alias `{alias}` ({key}) is ambiguous");
            }
        }
    }

    #[test]
    fn normalization_drops_case_spaces_and_punctuation() {
        assert_eq!(normalize_header("Value (USD)"), "valueusd");
        assert_eq!(normalize_header("HS-Code"), "hscode");
        assert_eq!(normalize_header("\u{feff}B/L"), "bl");
        assert_eq!(
            normalize_header(" shipper_party_address_1 "),
            "shipperpartyaddress1"
        );
    }

    #[test]
    fn numbered_suffixes_are_accepted_only_on_address_columns() {
        assert_eq!(
            header_meaning("shipper_party_address_3"),
            HeaderMeaning::Field(Field::SupplierAddress)
        );
        assert_eq!(
            header_meaning("address_2"),
            HeaderMeaning::Unqualified(PartyAttribute::Address)
        );
        assert_eq!(header_meaning("Supplier 2"), HeaderMeaning::Unknown);
        assert_eq!(header_meaning("HS6"), HeaderMeaning::Unknown);
    }
}
