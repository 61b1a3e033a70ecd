//! `entity_roles.csv` and `alias_sources.csv`: what each curated entity is, in the words of its
//! source, and where each extra spelling of its name comes from.
//!
//! Both are separate tables rather than columns of `indicators.csv`, which keeps the source
//! rows as the shared source list gives them. Both are complete by construction: an entity
//! without a role row, or an alias without an origin row, stops the load. A role decides how a
//! flag is worded ("a processing plant reported to use North Korean workers", never "an employer"
//! for a distributor), and an alias origin decides whether evidence may call a spelling "an OFAC
//! alias"; a gap in either would let the product say more than its sources.

use std::collections::{BTreeMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::indicators::model::{Alias, AliasOrigin, EntityRole};

use super::error::CuratedError;
use super::reader::read_table;
use super::types::Curated;

pub const ROLE_COLUMNS: &[&str] = &["id", "role", "basis"];
pub const ALIAS_COLUMNS: &[&str] = &[
    "id",
    "alias",
    "origin",
    "source_title",
    "source_date",
    "source_url",
    "note",
];

/// An entity's role and the sentence of its source that gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoleEntry {
    pub role: EntityRole,
    /// What the source says, in one sentence (shown as the basis of a role-dependent flag).
    pub basis: String,
}

/// The ids of every curated entity and SDN annotation, as `indicators.csv` writes them.
fn row_ids(curated: &Curated) -> Vec<String> {
    curated
        .entities
        .iter()
        .map(|e| e.id.clone())
        .chain(curated.sdn_annotations.iter().map(|a| a.id.clone()))
        .collect()
}

/// Reads `entity_roles.csv` into `curated.entity_roles`, keyed by entity id (`ofac:<n>` for
/// annotations, as [`Curated::entity_sectors`]).
pub fn attach_roles(
    file: &'static str,
    bytes: &[u8],
    curated: &mut Curated,
) -> Result<(), CuratedError> {
    let known = row_ids(curated);
    let mut roles: BTreeMap<String, RoleEntry> = BTreeMap::new();
    let role_names = EntityRole::ALL.map(EntityRole::as_str).join(", ");
    for row in read_table(file, bytes, ROLE_COLUMNS)? {
        let id = row.required(0, "name an entity id of indicators.csv")?;
        if !known.iter().any(|k| k == id) {
            return Err(row.invalid(
                0,
                format!("`{id}` is not an entity row of indicators.csv"),
                "use the id of an entity row (sdn:, treas:, cbp: or inv:)",
            ));
        }
        let text = row.required(1, &format!("use one of: {role_names}"))?;
        let role = EntityRole::parse(text).ok_or_else(|| {
            row.invalid(
                1,
                format!("unknown role `{text}`"),
                &format!("use one of: {role_names}"),
            )
        })?;
        let basis = row.required(2, "say which statement of the source gives the role")?;
        let key = entity_key(id);
        if roles.contains_key(&key) {
            return Err(row.invalid(
                0,
                format!("`{id}` has two roles"),
                "keep one row per entity",
            ));
        }
        roles.insert(
            key,
            RoleEntry {
                role,
                basis: basis.to_owned(),
            },
        );
    }
    if let Some(missing) = known.iter().find(|id| !roles.contains_key(&entity_key(id))) {
        return Err(CuratedError::Missing {
            file,
            problem: format!("entity `{missing}` has no role"),
            fix: "add a row `id,role,basis` for it".to_owned(),
        });
    }
    curated.entity_roles = roles;
    Ok(())
}

/// `sdn:19611` → `ofac:19611` (the id of the SDN entry an annotation belongs to).
fn entity_key(id: &str) -> String {
    match id.strip_prefix("sdn:") {
        Some(n) => format!("ofac:{n}"),
        None => id.to_owned(),
    }
}

/// Reads `alias_sources.csv` and sets the origin (and source) of every curated alias.
pub fn attach_alias_sources(
    file: &'static str,
    bytes: &[u8],
    curated: &mut Curated,
) -> Result<(), CuratedError> {
    let origin_names = AliasOrigin::ALL.map(AliasOrigin::as_str).join(", ");
    let mut described: HashSet<(String, String)> = HashSet::new();
    for row in read_table(file, bytes, ALIAS_COLUMNS)? {
        let id = row.required(0, "name an entity id of indicators.csv")?;
        let name = row.required(1, "write the alias exactly as indicators.csv does")?;
        let text = row.required(2, &format!("use one of: {origin_names}"))?;
        let origin = AliasOrigin::ALL
            .into_iter()
            .find(|o| o.as_str() == text)
            .ok_or_else(|| {
                row.invalid(
                    2,
                    format!("unknown origin `{text}`"),
                    &format!("use one of: {origin_names}"),
                )
            })?;
        let source = if origin == AliasOrigin::NamedSource {
            Some(row.source(3, 4, 5)?)
        } else {
            None
        };
        let Some(alias) = alias_mut(curated, id, name) else {
            return Err(row.invalid(
                1,
                format!("`{id}` has no alias `{name}` in indicators.csv"),
                "describe only aliases the `aliases` column of that row lists",
            ));
        };
        alias.origin = origin;
        alias.source = source;
        described.insert((id.to_owned(), name.to_owned()));
    }
    for (id, aliases) in curated
        .entities
        .iter()
        .map(|e| (&e.id, &e.aliases))
        .chain(curated.sdn_annotations.iter().map(|a| (&a.id, &a.aliases)))
    {
        if let Some(alias) = aliases
            .iter()
            .find(|a| !described.contains(&(id.clone(), a.name.clone())))
        {
            return Err(CuratedError::Missing {
                file,
                problem: format!("alias `{}` of `{id}` has no origin", alias.name),
                fix: "add a row saying whether it is an OFAC alias, a named source's spelling or a short form".to_owned(),
            });
        }
    }
    Ok(())
}

fn alias_mut<'c>(curated: &'c mut Curated, id: &str, name: &str) -> Option<&'c mut Alias> {
    let aliases = if let Some(e) = curated.entities.iter_mut().find(|e| e.id == id) {
        &mut e.aliases
    } else {
        &mut curated
            .sdn_annotations
            .iter_mut()
            .find(|a| a.id == id)?
            .aliases
    };
    aliases.iter_mut().find(|a| a.name == name)
}
