//! Element (2) of 19 C.F.R. 12.42(b), "a detailed description … of the merchandise": what the
//! manifest says about each covered line's goods, with the official description of its HTS code
//! and the Schedule K name of its port of lading.
//!
//! Values are the manifest's, verbatim; the knowledge base only adds official names beside them
//! (never in place of them), so a reader can see both what was declared and what it means. When
//! the HTS table cannot be loaded the description is left out rather than failing the draft: the
//! code as declared is still there.

use crate::indicators::{normalize_hs, KnowledgeBase};
use crate::screening::LineResult;

use super::model::{HtsOfficial, MerchandiseItem};

/// The merchandise of the covered lines, in line order.
pub fn merchandise(kb: &KnowledgeBase, lines: &[&LineResult]) -> Vec<MerchandiseItem> {
    lines.iter().map(|line| item(kb, line)).collect()
}

fn item(kb: &KnowledgeBase, result: &LineResult) -> MerchandiseItem {
    let input = &result.input;
    let hts_official = input
        .hts_code
        .as_deref()
        .and_then(|code| official(kb, code));
    let country_of_origin_name = result
        .context
        .countries
        .iter()
        .find(|c| c.field == "country_of_origin")
        .and_then(|c| c.name.clone());
    let port_of_lading_official = input
        .port_of_lading
        .as_deref()
        .and_then(|p| kb.ports.resolve(p))
        .map(|p| format!("Schedule K {}: {}, {}", p.code, p.name, p.country_name));
    MerchandiseItem {
        shipment_id: result.shipment_id.clone(),
        line: result.line,
        entry_number: input.entry_number.clone(),
        arrival_date: input.arrival_date.clone(),
        port_of_unlading: input.port_of_unlading.clone(),
        consignee: input.consignee.clone(),
        container_numbers: input.container_numbers.clone(),
        marks: input.marks.clone(),
        description: input.description.clone(),
        hts_code: input.hts_code.clone(),
        hts_official,
        quantity: input.quantity.clone(),
        value_usd: input.value_usd,
        country_of_origin: input.country_of_origin.clone(),
        country_of_origin_name,
        port_of_lading: input.port_of_lading.clone(),
        port_of_lading_official,
        vessel_name: input.vessel_name.clone(),
        vessel_imo: input.vessel_imo.clone(),
        importer: input.importer.clone(),
    }
}

/// The official description of a declared code, when the code reads and the table knows it.
fn official(kb: &KnowledgeBase, declared: &str) -> Option<HtsOfficial> {
    let code = normalize_hs(declared)?;
    let table = kb.hts().ok()?;
    let found = table.describe(&code)?;
    Some(HtsOfficial {
        number: found.number,
        description: found.text,
        nomenclature: found.source.title().to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_squid_code_reads_as_the_hts_line_for_frozen_squid() {
        let kb = KnowledgeBase::builtin().expect("kb");
        let found = official(&kb, "0307.43").expect("described");
        assert!(
            found.description.to_lowercase().contains("squid"),
            "{found:?}"
        );
        assert!(found.nomenclature.contains("2024"), "{found:?}");
        assert!(official(&kb, "not a code").is_none());
    }
}
