//! OFAC SDN entries from OFAC's official legacy CSV files, joined into [`ListedEntity`] values.
//!
//! The four files (`sdn.csv`, `alt.csv`, `add.csv`, optional `sdn_comments.csv`) are read by
//! [`records`], Remarks by [`remarks`], and the North Korea nexus that decides between
//! `DESIGNATED_PARTY` and `SANCTIONED_PARTY` by [`nexus`]. The same code reads the 559-entry North
//! Korea subset shipped as the default list and the full 13,821-entry list.

pub mod nexus;
pub mod records;
pub mod remarks;

use rustc_hash::FxHashMap;

use crate::indicators::model::{
    Address, Alias, AliasOrigin, AliasStrength, EntityType, ListKind, ListedEntity, Source, Tier,
    VesselInfo,
};
use records::{AddRecord, AltRecord, CommentRecord, SdnRecord};

#[derive(Debug, thiserror::Error)]
pub enum OfacError {
    #[error("{file}, line {line}: {message}")]
    Record {
        file: &'static str,
        line: u64,
        message: String,
    },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

/// The bytes of one OFAC file set; only `sdn` is required.
#[derive(Debug, Clone, Copy)]
pub struct OfacFiles<'a> {
    pub sdn: &'a [u8],
    pub alt: Option<&'a [u8]>,
    pub add: Option<&'a [u8]>,
    pub comments: Option<&'a [u8]>,
}

/// Counts that describe a load, for logs and `GET /v1/indicators`.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema,
)]
pub struct OfacStats {
    pub entries: usize,
    pub north_korea_nexus: usize,
    pub strong_aliases: usize,
    pub weak_aliases: usize,
    pub addresses: usize,
    pub vessels_with_imo: usize,
    /// alt/add/comments rows whose entry is not in sdn.csv.
    pub orphan_rows: usize,
}

#[derive(Debug, Clone)]
pub struct OfacLoad {
    pub entities: Vec<ListedEntity>,
    pub stats: OfacStats,
}

/// Joins the files by entry number into listed entities. `resolve_country` maps a country as
/// OFAC writes it to ISO 3166 alpha-2.
pub fn build_entities(
    files: &OfacFiles<'_>,
    source: &Source,
    resolve_country: &dyn Fn(&str) -> Option<String>,
) -> Result<OfacLoad, OfacError> {
    let sdn = records::parse_sdn(files.sdn)?;
    let alt = files
        .alt
        .map(records::parse_alt)
        .transpose()?
        .unwrap_or_default();
    let add = files
        .add
        .map(records::parse_add)
        .transpose()?
        .unwrap_or_default();
    let comments = files
        .comments
        .map(records::parse_comments)
        .transpose()?
        .unwrap_or_default();

    let known: FxHashMap<u32, usize> = sdn
        .iter()
        .enumerate()
        .map(|(i, s)| (s.ent_num, i))
        .collect();
    let mut stats = OfacStats::default();
    let mut alts: FxHashMap<u32, Vec<&AltRecord>> = FxHashMap::default();
    for a in &alt {
        group(&known, &mut alts, a.ent_num, a, &mut stats);
    }
    let mut adds: FxHashMap<u32, Vec<&AddRecord>> = FxHashMap::default();
    for a in &add {
        group(&known, &mut adds, a.ent_num, a, &mut stats);
    }
    let mut overflow: FxHashMap<u32, Vec<&CommentRecord>> = FxHashMap::default();
    for c in &comments {
        group(&known, &mut overflow, c.ent_num, c, &mut stats);
    }

    let entities: Vec<ListedEntity> = sdn
        .iter()
        .map(|s| {
            let remarks_text = joined_remarks(s, overflow.get(&s.ent_num));
            let parsed = remarks::parse(remarks_text.as_deref().unwrap_or(""));
            let addresses = adds.get(&s.ent_num).map(Vec::as_slice).unwrap_or(&[]);
            let nexus = nexus::north_korea_nexus(s, addresses, &parsed);
            let entity = entity(
                s,
                alts.get(&s.ent_num),
                addresses,
                remarks_text,
                &parsed,
                nexus.is_some(),
                source,
                resolve_country,
            );
            stats.entries += 1;
            stats.north_korea_nexus += usize::from(nexus.is_some());
            stats.addresses += entity.addresses.len();
            stats.vessels_with_imo +=
                usize::from(entity.vessel.as_ref().is_some_and(|v| v.imo.is_some()));
            for alias in &entity.aliases {
                match alias.strength {
                    AliasStrength::Strong => stats.strong_aliases += 1,
                    AliasStrength::Weak => stats.weak_aliases += 1,
                }
            }
            entity
        })
        .collect();
    Ok(OfacLoad { entities, stats })
}

fn group<'a, T>(
    known: &FxHashMap<u32, usize>,
    groups: &mut FxHashMap<u32, Vec<&'a T>>,
    ent_num: u32,
    row: &'a T,
    stats: &mut OfacStats,
) {
    if known.contains_key(&ent_num) {
        groups.entry(ent_num).or_default().push(row);
    } else {
        stats.orphan_rows += 1;
    }
}

fn joined_remarks(sdn: &SdnRecord, overflow: Option<&Vec<&CommentRecord>>) -> Option<String> {
    let mut text = sdn.remarks.clone().unwrap_or_default();
    for c in overflow.into_iter().flatten() {
        text.push_str(&c.remarks_extended);
    }
    let text = text.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

#[allow(clippy::too_many_arguments)]
fn entity(
    s: &SdnRecord,
    alts: Option<&Vec<&AltRecord>>,
    addresses: &[&AddRecord],
    remarks_text: Option<String>,
    parsed: &remarks::Remarks,
    north_korea: bool,
    source: &Source,
    resolve_country: &dyn Fn(&str) -> Option<String>,
) -> ListedEntity {
    let entity_type = match s
        .sdn_type
        .as_deref()
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("individual") => EntityType::Person,
        Some("vessel") => EntityType::Vessel,
        Some("aircraft") => EntityType::Aircraft,
        _ => EntityType::Organization,
    };
    let mut aliases: Vec<Alias> = alts
        .into_iter()
        .flatten()
        .map(|a| Alias {
            name: a.alt_name.clone(),
            strength: AliasStrength::Strong,
            alias_type: a
                .alt_type
                .clone()
                .unwrap_or_else(|| "aka".into())
                .replace('.', ""),
            origin: AliasOrigin::OfacAlt,
            source: None,
        })
        .collect();
    aliases.extend(parsed.weak_aliases.iter().map(|(alias_type, name)| Alias {
        name: name.clone(),
        strength: AliasStrength::Weak,
        alias_type: alias_type.clone(),
        origin: AliasOrigin::OfacRemarks,
        source: None,
    }));
    let addresses: Vec<Address> = addresses
        .iter()
        .map(|a| Address {
            address: a.address.clone(),
            city: a.city.clone(),
            country: a.country.clone(),
        })
        .collect();
    let mut country_names: Vec<&str> = addresses
        .iter()
        .filter_map(|a| a.country.as_deref())
        .collect();
    for list in [
        &parsed.nationalities,
        &parsed.citizenships,
        &parsed.document_countries,
        &parsed.registration_countries,
    ] {
        country_names.extend(list.iter().map(String::as_str));
    }
    country_names.extend(s.vessel_flag.as_deref());
    let mut country_codes: Vec<String> = country_names
        .into_iter()
        .filter_map(resolve_country)
        .collect();
    country_codes.sort();
    country_codes.dedup();
    let vessel = (entity_type == EntityType::Vessel).then(|| VesselInfo {
        imo: parsed.imo_numbers.first().cloned(),
        flag: s.vessel_flag.clone(),
        call_sign: s.call_sign.clone(),
        vessel_type: s.vessel_type.clone(),
        owner: s.vessel_owner.clone(),
    });
    ListedEntity {
        id: format!("ofac:{}", s.ent_num),
        name: s.name.clone(),
        entity_type,
        list: if north_korea {
            ListKind::OfacNorthKorea
        } else {
            ListKind::OfacOther
        },
        tier: Tier::GovDesignation,
        programs: s.programs.clone(),
        aliases,
        addresses,
        country_codes,
        vessel,
        remarks: remarks_text,
        note: None,
        source: source.clone(),
        extra_sources: Vec::new(),
        role: None,
        linked_to: parsed.linked_to.clone(),
        labor_export: None,
    }
}
