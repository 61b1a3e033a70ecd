//! The join: header rows are the bills; every other table's rows attach to their bill by
//! `identifier`, cargo and tariff rows also by `(container_number, description_sequence_number)`.

use std::collections::HashMap;

use super::tables::{Folder, Kind, Row, Table};
use crate::manifest::row::{LineBuilder, RawLine};
use crate::manifest::{Field, Manifest, RowError};

/// One bill of lading and the rows attached to it.
#[derive(Default)]
struct Bill<'a> {
    header: Option<&'a Row>,
    bill: Option<&'a Row>,
    shipper: Option<&'a Row>,
    consignee: Option<&'a Row>,
    notify: Vec<&'a Row>,
    containers: Vec<&'a Row>,
    marks: Vec<&'a Row>,
    cargo: Vec<&'a Row>,
    tariff: Vec<&'a Row>,
}

/// Joins the folder's tables into lines, row errors and warnings.
pub fn join(folder: &Folder) -> Manifest {
    let mut manifest = Manifest {
        warnings: folder.notices.clone(),
        ..Manifest::default()
    };
    let mut order: Vec<&str> = Vec::new();
    let mut bills: HashMap<&str, Bill> = HashMap::new();
    let mut replaced = 0usize;
    for (table, row) in folder.rows(Kind::Header) {
        let Some(id) = row.identifier() else {
            manifest.errors.push(no_identifier(table, row));
            continue;
        };
        let bill = bills.entry(id).or_insert_with(|| {
            order.push(id);
            Bill::default()
        });
        if bill.header.replace(row).is_some() {
            replaced += 1;
        }
    }
    if replaced > 0 {
        manifest.warnings.push(format!(
            "{replaced} bill(s) appear more than once in the header table (amended records); the \
             last row of each is used"
        ));
    }
    let header_files = files_of(folder, Kind::Header);
    let mut extra_parties = 0usize;
    for kind in [
        Kind::Bill,
        Kind::Shipper,
        Kind::Consignee,
        Kind::NotifyParty,
        Kind::Container,
        Kind::Marks,
        Kind::CargoDesc,
        Kind::Tariff,
    ] {
        for (table, row) in folder.rows(kind) {
            let Some(id) = row.identifier() else {
                manifest.errors.push(no_identifier(table, row));
                continue;
            };
            let Some(bill) = bills.get_mut(id) else {
                manifest
                    .errors
                    .push(not_joined(table, row, id, &header_files));
                continue;
            };
            match kind {
                Kind::Bill => extra_parties += usize::from(bill.bill.replace(row).is_some()),
                Kind::Shipper => extra_parties += usize::from(set_first(&mut bill.shipper, row)),
                Kind::Consignee => {
                    extra_parties += usize::from(set_first(&mut bill.consignee, row))
                }
                Kind::NotifyParty => bill.notify.push(row),
                Kind::Container => bill.containers.push(row),
                Kind::Marks => bill.marks.push(row),
                Kind::CargoDesc => bill.cargo.push(row),
                Kind::Tariff => bill.tariff.push(row),
                Kind::Header | Kind::Hazmat | Kind::HazmatClass => {}
            }
        }
    }
    if extra_parties > 0 {
        manifest.warnings.push(format!(
            "{extra_parties} bill(s) have more than one billgen, shipper or consignee row; the \
             first shipper and consignee and the last billgen row are used"
        ));
    }
    if folder
        .tables
        .iter()
        .any(|t| matches!(t.kind, Kind::Hazmat | Kind::HazmatClass))
    {
        manifest.warnings.push(
            "the hazmat tables were read but are not used: they say nothing about who made the \
             goods"
                .to_owned(),
        );
    }

    let mut builder = LineBuilder::default();
    for id in order {
        let bill = &bills[id];
        if bill.shipper.is_none() {
            manifest.errors.push(no_shipper(id, bill, &header_files));
            continue;
        }
        for raw in lines_of(id, bill) {
            match builder.build(raw) {
                Ok(line) => manifest.lines.push(line),
                Err(error) => manifest.errors.push(error),
            }
        }
    }
    manifest.warnings.extend(builder.warning());
    manifest
}

/// Keeps the first row; returns true when a second one was offered.
fn set_first<'a>(slot: &mut Option<&'a Row>, row: &'a Row) -> bool {
    if slot.is_some() {
        return true;
    }
    *slot = Some(row);
    false
}

/// The raw lines of one bill: one per cargo row, one per tariff row that no cargo row takes,
/// or one for the whole bill when it has neither.
fn lines_of(id: &str, bill: &Bill) -> Vec<RawLine> {
    let shared = bill_facts(id, bill);
    let mut used = vec![false; bill.tariff.len()];
    let mut lines = Vec::new();
    for cargo in &bill.cargo {
        let container = cargo.get("container_number");
        let sequence = cargo.get("description_sequence_number");
        let tariff = bill.tariff.iter().enumerate().find(|(index, t)| {
            !used[*index]
                && t.get("container_number") == container
                && same_sequence(t.get("description_sequence_number"), sequence)
        });
        let mut raw = in_container(&shared, bill, container);
        raw.source_line = Some(cargo.line);
        set(&mut raw, Field::Description, cargo.get("description_text"));
        set(
            &mut raw,
            Field::Quantity,
            cargo.get("piece_count").map(whole_number),
        );
        if let Some((index, tariff)) = tariff {
            used[index] = true;
            set(&mut raw, Field::HtsCode, tariff.get("harmonized_number"));
        }
        lines.push(raw);
    }
    for (index, tariff) in bill.tariff.iter().enumerate() {
        if !used[index] {
            let mut raw = in_container(&shared, bill, tariff.get("container_number"));
            raw.source_line = Some(tariff.line);
            set(&mut raw, Field::HtsCode, tariff.get("harmonized_number"));
            lines.push(raw);
        }
    }
    if lines.is_empty() {
        lines.push(in_container(&shared, bill, None));
    }
    lines
}

/// The facts every line of the bill shares (shipment, vessel, ports, dates, parties).
fn bill_facts(id: &str, bill: &Bill) -> RawLine {
    let mut raw = RawLine {
        source_line: bill.header.map(|h| h.line),
        ..RawLine::default()
    };
    let bol = bill.bill.and_then(|b| {
        b.get("house_bol_number")
            .or_else(|| b.get("master_bol_number"))
    });
    set(&mut raw, Field::ShipmentId, Some(bol.unwrap_or(id)));
    raw.extra.insert("ams_identifier".to_owned(), id.to_owned());
    if let Some(b) = bill.bill {
        for column in ["master_bol_number", "bill_type_code", "voyage_number"] {
            if let Some(value) = b.get(column) {
                raw.extra.insert(column.to_owned(), value.to_owned());
            }
        }
    }
    if let Some(h) = bill.header {
        set(&mut raw, Field::VesselName, h.get("vessel_name"));
        let imo = h
            .get("conveyance_id_qualifier")
            .is_some_and(|q| q.to_ascii_uppercase().contains("IMO"));
        if imo {
            set(&mut raw, Field::VesselImo, h.get("conveyance_id"));
        }
        set(
            &mut raw,
            Field::PortOfLading,
            h.get("foreign_port_of_lading"),
        );
        set(&mut raw, Field::PortOfUnlading, h.get("port_of_unlading"));
        set(
            &mut raw,
            Field::ArrivalDate,
            h.get("actual_arrival_date")
                .or_else(|| h.get("estimated_arrival_date")),
        );
        for column in [
            "carrier_code",
            "place_of_receipt",
            "record_status_indicator",
        ] {
            if let Some(value) = h.get(column) {
                raw.extra.insert(column.to_owned(), value.to_owned());
            }
        }
    }
    if let Some(s) = bill.shipper {
        set(&mut raw, Field::SupplierName, s.get("shipper_party_name"));
        let address = s.numbered("shipper_party_address", 4).join(" ");
        set(&mut raw, Field::SupplierAddress, Some(&address));
        set(&mut raw, Field::SupplierCity, s.get("city"));
        set(&mut raw, Field::SupplierCountry, s.get("country_code"));
    }
    if let Some(c) = bill.consignee {
        set(&mut raw, Field::Consignee, c.get("consignee_name"));
    }
    let notify: Vec<&str> = bill
        .notify
        .iter()
        .filter_map(|n| n.get("notify_party_name"))
        .collect();
    set(&mut raw, Field::NotifyParty, Some(&notify.join("; ")));
    raw
}

/// The bill's facts for a line in `container` (its container and marks), or for the whole
/// bill (every container and every mark) when `container` is `None`.
fn in_container(shared: &RawLine, bill: &Bill, container: Option<&str>) -> RawLine {
    let mut raw = shared.clone();
    let containers: Vec<&str> = match container {
        Some(one) => vec![one],
        None => bill
            .containers
            .iter()
            .filter_map(|c| c.get("container_number"))
            .collect(),
    };
    set(
        &mut raw,
        Field::ContainerNumbers,
        Some(&containers.join("; ")),
    );
    let marks: Vec<String> = bill
        .marks
        .iter()
        .filter(|m| container.is_none() || m.get("container_number") == container)
        .map(|m| m.numbered("marks_and_numbers", 8).join(" "))
        .filter(|m| !m.is_empty())
        .collect();
    set(&mut raw, Field::Marks, Some(&marks.join(" / ")));
    raw
}

fn set(raw: &mut RawLine, field: Field, value: Option<&str>) {
    if let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) {
        raw.text[field as usize] = Some(value.to_owned());
    }
}

/// `18.0` -> `18` (a count re-saved as a float); anything else as written.
fn whole_number(text: &str) -> &str {
    text.strip_suffix(".0").unwrap_or(text)
}

/// Sequence numbers compare as numbers (`1` and `1.0` are the same).
fn same_sequence(a: Option<&str>, b: Option<&str>) -> bool {
    a.map(whole_number) == b.map(whole_number)
}

fn files_of(folder: &Folder, kind: Kind) -> String {
    folder
        .tables
        .iter()
        .filter(|t| t.kind == kind)
        .map(|t| t.file.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn no_identifier(table: &Table, row: &Row) -> RowError {
    RowError::new(
        Some(row.line),
        Some("identifier"),
        format!(
            "{} ({} table): the row has no identifier, so it cannot be joined to a bill; it was \
             not screened",
            table.file,
            table.kind.name()
        ),
    )
}

fn no_shipper(id: &str, bill: &Bill, header_files: &str) -> RowError {
    let mut error = RowError::new(
        bill.header.map(|h| h.line),
        None,
        format!(
            "{header_files} (header table): bill {id} has no shipper row, and the AMS tables name \
             no manufacturer or country of origin, so there is nothing to screen; add the \
             bill's shipper table rows"
        ),
    );
    error.shipment_id = Some(id.to_owned());
    error
}

fn not_joined(table: &Table, row: &Row, id: &str, header_files: &str) -> RowError {
    let mut error = RowError::new(
        Some(row.line),
        Some("identifier"),
        format!(
            "{} ({} table): identifier {id} has no row in the header table ({header_files}), so \
             the row joins no bill and was not screened; add the bill's header row, or screen \
             the row's data another way",
            table.file,
            table.kind.name()
        ),
    );
    error.shipment_id = Some(id.to_owned());
    error
}
