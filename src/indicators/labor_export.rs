//! Which listed entries are designated for the exportation of North Korean workers, and on whose
//! word. Two grounds, both shown to the user: the entry's own designation as its curated source
//! states it (role `labor_exporter` in `entity_roles.csv`), and OFAC's own `Linked To:` remark
//! naming such an entry (Mansudae's Namibian subsidiaries, Chinyong's subordinate firms).
//!
//! The program tag alone is not a ground: DPRK3 (E.O. 13722) covers labor export among many other
//! criteria, so it cannot tell a labor exporter from a shipping or banking designation. Links are
//! followed one step only: a chain of links says less about labor with every step, and OFAC
//! writes the direct link on each affiliate anyway.

use crate::indicators::curated::Curated;
use crate::indicators::model::{
    EntityRole, LaborExportBasis, LaborExportVia, ListedEntity, Source,
};

/// Sets [`ListedEntity::role`] from the curated roles and derives
/// [`ListedEntity::labor_export`] for every entity.
pub fn derive(entities: &mut [ListedEntity], curated: &Curated, ofac_source: &Source) {
    for entity in entities.iter_mut() {
        let Some(entry) = curated.role_of_entity(&entity.id) else {
            continue;
        };
        entity.role = Some(entry.role);
        if entry.role == EntityRole::LaborExporter {
            let source = designation_source(entity, curated);
            entity.labor_export = Some(LaborExportBasis {
                via: LaborExportVia::Designation,
                statement: entry.basis.clone(),
                source,
            });
        }
    }
    let exporters: Vec<(String, String)> = entities
        .iter()
        .filter(|e| e.labor_export.is_some())
        .map(|e| (same_name_key(&e.name), e.name.clone()))
        .collect();
    for entity in entities.iter_mut() {
        if entity.labor_export.is_some() || !entity.id.starts_with("ofac:") {
            continue;
        }
        let linked = entity.linked_to.iter().find_map(|name| {
            let key = same_name_key(name);
            exporters.iter().find(|(k, _)| *k == key).map(|(_, n)| n)
        });
        if let Some(exporter) = linked {
            entity.labor_export = Some(LaborExportBasis {
                via: LaborExportVia::OfacLinkedTo,
                statement: format!(
                    "OFAC's remarks on this entry say \"Linked To: {}\", an entry designated for \
                     the exportation of North Korean workers.",
                    exporter.to_uppercase()
                ),
                source: ofac_source.clone(),
            });
        }
    }
}

/// The source of an entry's designation statement: the curated annotation's for an SDN entry,
/// the row's own for a curated entity.
fn designation_source(entity: &ListedEntity, curated: &Curated) -> Source {
    entity
        .id
        .strip_prefix("ofac:")
        .and_then(|n| n.parse::<u32>().ok())
        .and_then(|n| curated.annotation_for(n))
        .map_or_else(|| entity.source.clone(), |a| a.source.clone())
}

/// OFAC writes a linked name exactly as the linked entry's name; case and spacing may differ.
fn same_name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

#[cfg(test)]
mod tests {
    use crate::indicators::{KnowledgeBase, LaborExportVia};

    #[test]
    fn designated_exporters_and_their_ofac_affiliates_are_labor_exporters() {
        let kb = KnowledgeBase::builtin().expect("kb");
        let entry = |id: &str| kb.entities.iter().find(|e| e.id == id).expect(id);
        let mansudae = entry("ofac:20578").labor_export.as_ref().expect("Mansudae");
        assert_eq!(mansudae.via, LaborExportVia::Designation);
        assert!(mansudae.statement.contains("exportation of workers"));
        let namibia = entry("ofac:22704").labor_export.as_ref().expect("linked");
        assert_eq!(namibia.via, LaborExportVia::OfacLinkedTo);
        assert!(
            namibia.statement.contains("MANSUDAE"),
            "{}",
            namibia.statement
        );
        let alis = entry("ofac:48260").labor_export.as_ref().expect("Alis");
        assert!(alis.statement.contains("CHINYONG"));
    }

    #[test]
    fn other_designations_are_not_labor_exporters() {
        let kb = KnowledgeBase::builtin().expect("kb");
        let entry = |id: &str| kb.entities.iter().find(|e| e.id == id).expect(id);
        // A bank linked to other banks, a proliferation designation, a human-rights designation.
        for id in ["ofac:20129", "ofac:39499", "ofac:40938", "ofac:23178"] {
            assert!(entry(id).labor_export.is_none(), "{id}");
        }
        let ryonbong = kb
            .entities
            .iter()
            .find(|e| e.name == "KOREA RYONBONG GENERAL CORPORATION")
            .expect("Ryonbong");
        assert!(ryonbong.labor_export.is_none());
    }
}
