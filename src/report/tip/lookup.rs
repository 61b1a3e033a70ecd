//! Reading evidence back against the knowledge base: the listed entity or region an evidence
//! item's `indicator_id` names, the curated annotation of an SDN entry, and field names in words.
//!
//! Lookups are linear scans of `kb.entities`: a draft looks up a handful of ids, and an index
//! would cost every screening memory for a face most screenings never use.

use crate::indicators::curated::SdnAnnotation;
use crate::indicators::{KnowledgeBase, ListKind, ListedEntity, Region};

/// The listed entity with this id (`ofac:…`, `cbp:…`, `inv:…`, `treas:…`).
pub fn entity<'k>(kb: &'k KnowledgeBase, id: &str) -> Option<&'k ListedEntity> {
    kb.entities.iter().find(|e| e.id == id)
}

/// The curated annotation of an SDN entry (its labor-export context and the source for it).
pub fn annotation<'k>(kb: &'k KnowledgeBase, entity: &ListedEntity) -> Option<&'k SdnAnnotation> {
    let ent_num: u32 = entity.id.strip_prefix("ofac:")?.parse().ok()?;
    kb.curated.annotation_for(ent_num)
}

pub fn region<'k>(kb: &'k KnowledgeBase, id: &str) -> Option<&'k Region> {
    kb.curated.region(id)
}

/// A canonical input field in words (`supplier_city` → `supplier's city`).
pub fn field_label(field: &str) -> String {
    match field {
        "supplier_name" => "supplier".to_owned(),
        "manufacturer_name" => "manufacturer".to_owned(),
        "supplier_address" => "supplier's address".to_owned(),
        "manufacturer_address" => "manufacturer's address".to_owned(),
        "supplier_city" => "supplier's city".to_owned(),
        "manufacturer_city" => "manufacturer's city".to_owned(),
        "supplier_country" => "supplier's country".to_owned(),
        "manufacturer_country" => "manufacturer's country".to_owned(),
        "country_of_origin" => "country of origin".to_owned(),
        "port_of_lading" => "port of lading".to_owned(),
        "hts_code" => "HTS code".to_owned(),
        "description" => "goods description".to_owned(),
        "vessel_name" => "vessel".to_owned(),
        "vessel_imo" => "vessel IMO number".to_owned(),
        other => other.replace('_', " "),
    }
}

/// A list in words.
pub fn list_label(list: ListKind) -> &'static str {
    match list {
        ListKind::OfacNorthKorea => "OFAC SDN list (North Korea nexus)",
        ListKind::OfacOther => "OFAC SDN list (other programs)",
        ListKind::CbpEnforcement => "CBP CAATSA enforcement (detention or ruling)",
        ListKind::ReportedEmployer => "Employer named by an investigation",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_annotated_sdn_entry_finds_its_annotation() {
        let kb = KnowledgeBase::builtin().expect("kb");
        let entry = entity(&kb, "ofac:23084").expect("Ch'olhyo'n is in the shipped SDN subset");
        let note = annotation(&kb, entry).expect("annotated");
        assert!(note.note.contains("withheld"), "{}", note.note);
        let curated = entity(&kb, "inv:donggang-jinhui-foodstuff").expect("curated");
        assert!(annotation(&kb, curated).is_none());
    }

    #[test]
    fn fields_read_as_words() {
        assert_eq!(field_label("supplier_city"), "supplier's city");
        assert_eq!(field_label("some_new_field"), "some new field");
    }
}
