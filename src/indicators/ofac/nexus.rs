//! The North Korea nexus of an SDN entry: why an entry belongs to the North Korea screening list
//! whatever program designated it. The rule is the selection rule of the shipped North Korea
//! subset (`data/ofac/dprk/SUMMARY.md`): a DPRK program tag, an address in North Korea, the North
//! Korean flag, or Remarks giving North Korean nationality, citizenship, registration, an identity
//! document issued by North Korea, or a birthplace in North Korea.
//!
//! OFAC writes North Korea as `Korea, North` (addresses, nationality) and the flag as
//! `Democratic People's Republic of Korea`; `Korea, South` and `Republic of Korea` never count.

use super::records::{AddRecord, SdnRecord};
use super::remarks::Remarks;

/// Why an entry has a North Korea nexus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nexus {
    ProgramTag,
    Address,
    VesselFlag,
    Remarks,
}

/// The first reason, in the order above, for the entry to have a North Korea nexus.
pub fn north_korea_nexus(
    sdn: &SdnRecord,
    addresses: &[&AddRecord],
    remarks: &Remarks,
) -> Option<Nexus> {
    if sdn.programs.iter().any(|p| p.starts_with("DPRK")) {
        return Some(Nexus::ProgramTag);
    }
    if addresses
        .iter()
        .any(|a| a.country.as_deref().is_some_and(names_north_korea))
    {
        return Some(Nexus::Address);
    }
    if sdn.vessel_flag.as_deref().is_some_and(names_north_korea) {
        return Some(Nexus::VesselFlag);
    }
    let remark_fields = [
        &remarks.nationalities,
        &remarks.citizenships,
        &remarks.registration_countries,
        &remarks.document_countries,
        &remarks.birthplaces,
    ];
    if remark_fields
        .iter()
        .any(|values| values.iter().any(|v| names_north_korea(v)))
    {
        return Some(Nexus::Remarks);
    }
    None
}

/// True when `text` names North Korea the way OFAC and its sources write it.
pub fn names_north_korea(text: &str) -> bool {
    let lower = text.to_ascii_lowercase().replace('\u{2019}', "'");
    [
        "korea, north",
        "north korea",
        "democratic people's republic of korea",
        "korea, democratic people's republic of",
        "dprk",
    ]
    .iter()
    .any(|needle| lower.contains(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sdn(programs: &[&str], flag: Option<&str>) -> SdnRecord {
        SdnRecord {
            ent_num: 1,
            name: "X".into(),
            programs: programs.iter().map(|p| p.to_string()).collect(),
            vessel_flag: flag.map(str::to_owned),
            ..SdnRecord::default()
        }
    }

    fn address(country: &str) -> AddRecord {
        AddRecord {
            ent_num: 1,
            add_num: 1,
            address: None,
            city: None,
            country: Some(country.into()),
            add_remarks: None,
        }
    }

    #[test]
    fn dprk_program_tags_give_a_nexus() {
        for tag in ["DPRK", "DPRK2", "DPRK3", "DPRK4", "DPRK-NKSPEA"] {
            assert_eq!(
                north_korea_nexus(&sdn(&[tag], None), &[], &Remarks::default()),
                Some(Nexus::ProgramTag)
            );
        }
        assert_eq!(
            north_korea_nexus(&sdn(&["NPWMD"], None), &[], &Remarks::default()),
            None
        );
    }

    #[test]
    fn a_north_korean_address_gives_a_nexus_a_south_korean_one_does_not() {
        let north = address("Korea, North");
        let south = address("Korea, South");
        assert_eq!(
            north_korea_nexus(&sdn(&["NPWMD"], None), &[&north], &Remarks::default()),
            Some(Nexus::Address)
        );
        assert_eq!(
            north_korea_nexus(&sdn(&["NPWMD"], None), &[&south], &Remarks::default()),
            None
        );
    }

    #[test]
    fn the_north_korean_flag_gives_a_nexus() {
        let flagged = sdn(&["SDGT"], Some("Democratic People's Republic of Korea"));
        assert_eq!(
            north_korea_nexus(&flagged, &[], &Remarks::default()),
            Some(Nexus::VesselFlag)
        );
        let other = sdn(&["SDGT"], Some("Korea, South"));
        assert_eq!(north_korea_nexus(&other, &[], &Remarks::default()), None);
    }

    #[test]
    fn nationality_documents_and_birthplace_give_a_nexus() {
        let mut r = Remarks::default();
        r.document_countries.push("Korea, North".into());
        assert_eq!(
            north_korea_nexus(&sdn(&["CYBER2"], None), &[], &r),
            Some(Nexus::Remarks)
        );
        let mut born = Remarks::default();
        born.birthplaces
            .push("Onsong County, Democratic People's Republic of Korea".into());
        assert_eq!(
            north_korea_nexus(&sdn(&["NPWMD"], None), &[], &born),
            Some(Nexus::Remarks)
        );
        let mut south = Remarks::default();
        south.nationalities.push("Korea, South".into());
        south.birthplaces.push("Seoul, Republic of Korea".into());
        assert_eq!(north_korea_nexus(&sdn(&["NPWMD"], None), &[], &south), None);
    }
}
