//! The canonical manifest fields, one name each. Evidence, errors and both readers refer to
//! fields through [`Field`] so that a column is always reported under the same name.
//!
//! Two groups: the fields screening reads (parties, countries, ports, HTS, vessel) and the
//! shipment facts it only echoes and validates (US port of unlading, arrival date, entry
//! number, containers, consignee, notify party, marks), which an allegation draft needs to say
//! which shipments entered where and when.

use serde::{Deserialize, Serialize};

/// One canonical field of a manifest line.
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
pub enum Field {
    ShipmentId,
    Line,
    Importer,
    SupplierName,
    SupplierAddress,
    SupplierCity,
    SupplierCountry,
    ManufacturerName,
    ManufacturerAddress,
    ManufacturerCity,
    ManufacturerCountry,
    CountryOfOrigin,
    PortOfLading,
    HtsCode,
    Description,
    Quantity,
    ValueUsd,
    VesselName,
    VesselImo,
    PortOfUnlading,
    ArrivalDate,
    EntryNumber,
    ContainerNumbers,
    Consignee,
    NotifyParty,
    Marks,
}

impl Field {
    /// Every canonical field, in the documented column order.
    pub const ALL: [Field; 26] = [
        Field::ShipmentId,
        Field::Line,
        Field::Importer,
        Field::SupplierName,
        Field::SupplierAddress,
        Field::SupplierCity,
        Field::SupplierCountry,
        Field::ManufacturerName,
        Field::ManufacturerAddress,
        Field::ManufacturerCity,
        Field::ManufacturerCountry,
        Field::CountryOfOrigin,
        Field::PortOfLading,
        Field::HtsCode,
        Field::Description,
        Field::Quantity,
        Field::ValueUsd,
        Field::VesselName,
        Field::VesselImo,
        Field::PortOfUnlading,
        Field::ArrivalDate,
        Field::EntryNumber,
        Field::ContainerNumbers,
        Field::Consignee,
        Field::NotifyParty,
        Field::Marks,
    ];

    /// The canonical snake_case name, as used in JSON input, CSV output and evidence.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::ShipmentId => "shipment_id",
            Field::Line => "line",
            Field::Importer => "importer",
            Field::SupplierName => "supplier_name",
            Field::SupplierAddress => "supplier_address",
            Field::SupplierCity => "supplier_city",
            Field::SupplierCountry => "supplier_country",
            Field::ManufacturerName => "manufacturer_name",
            Field::ManufacturerAddress => "manufacturer_address",
            Field::ManufacturerCity => "manufacturer_city",
            Field::ManufacturerCountry => "manufacturer_country",
            Field::CountryOfOrigin => "country_of_origin",
            Field::PortOfLading => "port_of_lading",
            Field::HtsCode => "hts_code",
            Field::Description => "description",
            Field::Quantity => "quantity",
            Field::ValueUsd => "value_usd",
            Field::VesselName => "vessel_name",
            Field::VesselImo => "vessel_imo",
            Field::PortOfUnlading => "port_of_unlading",
            Field::ArrivalDate => "arrival_date",
            Field::EntryNumber => "entry_number",
            Field::ContainerNumbers => "container_numbers",
            Field::Consignee => "consignee",
            Field::NotifyParty => "notify_party",
            Field::Marks => "marks",
        }
    }

    /// The field with this canonical name, if any.
    pub fn from_canonical(name: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.as_str() == name)
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
