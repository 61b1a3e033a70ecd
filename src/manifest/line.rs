//! [`ManifestLine`]: one line of a shipment, in canonical fields, as the user wrote them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::Field;

/// One manifest line in canonical fields. Text fields are trimmed and empty strings become
/// `None`; nothing else is rewritten, so evidence can quote the input exactly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ManifestLine {
    pub shipment_id: String,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub importer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub supplier_country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufacturer_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufacturer_address: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufacturer_city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub manufacturer_country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country_of_origin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_of_lading: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hts_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value_usd: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vessel_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vessel_imo: Option<String>,
    /// The US port where the goods were unladen (`Oakland, California`), as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port_of_unlading: Option<String>,
    /// The arrival date as written; the line checks warn when it is not a date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrival_date: Option<String>,
    /// The CBP entry number (Form 7501 block 1), when the export has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry_number: Option<String>,
    /// Container numbers as written (ISO 6346; a bad check digit is warned, not refused).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub container_numbers: Vec<String>,
    /// The consignee named on the bill of lading (may differ from the importer of record).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consignee: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notify_party: Option<String>,
    /// Marks and numbers on the packages (`MADE IN ...`), joined with spaces.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub marks: Option<String>,
    /// Columns the reader did not recognise, echoed back unchanged (header -> value).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
    /// 1-based line of the input file where this record starts (a CSV record or a JSON line
    /// object), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<u64>,
}

/// The two parties a line names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    Supplier,
    Manufacturer,
}

impl PartyRole {
    pub const ALL: [PartyRole; 2] = [PartyRole::Supplier, PartyRole::Manufacturer];

    pub fn as_str(self) -> &'static str {
        match self {
            PartyRole::Supplier => "supplier",
            PartyRole::Manufacturer => "manufacturer",
        }
    }

    pub fn name_field(self) -> Field {
        match self {
            PartyRole::Supplier => Field::SupplierName,
            PartyRole::Manufacturer => Field::ManufacturerName,
        }
    }
    pub fn address_field(self) -> Field {
        match self {
            PartyRole::Supplier => Field::SupplierAddress,
            PartyRole::Manufacturer => Field::ManufacturerAddress,
        }
    }
    pub fn city_field(self) -> Field {
        match self {
            PartyRole::Supplier => Field::SupplierCity,
            PartyRole::Manufacturer => Field::ManufacturerCity,
        }
    }
    pub fn country_field(self) -> Field {
        match self {
            PartyRole::Supplier => Field::SupplierCountry,
            PartyRole::Manufacturer => Field::ManufacturerCountry,
        }
    }
}

/// A borrowed view of one party of a line.
#[derive(Debug, Clone, Copy)]
pub struct PartyView<'a> {
    pub role: PartyRole,
    pub name: Option<&'a str>,
    pub address: Option<&'a str>,
    pub city: Option<&'a str>,
    pub country: Option<&'a str>,
}

impl ManifestLine {
    /// The party playing `role` on this line.
    pub fn party(&self, role: PartyRole) -> PartyView<'_> {
        let (name, address, city, country) = match role {
            PartyRole::Supplier => (
                &self.supplier_name,
                &self.supplier_address,
                &self.supplier_city,
                &self.supplier_country,
            ),
            PartyRole::Manufacturer => (
                &self.manufacturer_name,
                &self.manufacturer_address,
                &self.manufacturer_city,
                &self.manufacturer_country,
            ),
        };
        PartyView {
            role,
            name: name.as_deref(),
            address: address.as_deref(),
            city: city.as_deref(),
            country: country.as_deref(),
        }
    }

    /// The text value of a canonical field (numbers rendered as text), if present.
    pub fn get(&self, field: Field) -> Option<String> {
        let text = |v: &Option<String>| v.clone();
        match field {
            Field::ShipmentId => Some(self.shipment_id.clone()),
            Field::Line => Some(self.line.to_string()),
            Field::Importer => text(&self.importer),
            Field::SupplierName => text(&self.supplier_name),
            Field::SupplierAddress => text(&self.supplier_address),
            Field::SupplierCity => text(&self.supplier_city),
            Field::SupplierCountry => text(&self.supplier_country),
            Field::ManufacturerName => text(&self.manufacturer_name),
            Field::ManufacturerAddress => text(&self.manufacturer_address),
            Field::ManufacturerCity => text(&self.manufacturer_city),
            Field::ManufacturerCountry => text(&self.manufacturer_country),
            Field::CountryOfOrigin => text(&self.country_of_origin),
            Field::PortOfLading => text(&self.port_of_lading),
            Field::HtsCode => text(&self.hts_code),
            Field::Description => text(&self.description),
            Field::Quantity => text(&self.quantity),
            Field::ValueUsd => self.value_usd.map(|v| v.to_string()),
            Field::VesselName => text(&self.vessel_name),
            Field::VesselImo => text(&self.vessel_imo),
            Field::PortOfUnlading => text(&self.port_of_unlading),
            Field::ArrivalDate => text(&self.arrival_date),
            Field::EntryNumber => text(&self.entry_number),
            Field::ContainerNumbers => {
                (!self.container_numbers.is_empty()).then(|| self.container_numbers.join("; "))
            }
            Field::Consignee => text(&self.consignee),
            Field::NotifyParty => text(&self.notify_party),
            Field::Marks => text(&self.marks),
        }
    }

    /// True when the line names at least one party or country, i.e. there is something to screen.
    pub fn is_screenable(&self) -> bool {
        [
            &self.supplier_name,
            &self.manufacturer_name,
            &self.country_of_origin,
            &self.supplier_country,
            &self.manufacturer_country,
        ]
        .iter()
        .any(|v| v.is_some())
    }
}
