//! CBP's public AMS release as NGOs hold it: a folder of relational tables (header, billgen,
//! cargodesc, tariff, shipper, consignee, notifyparty, container, marksnumbers, hazmat,
//! hazmatclass) joined on `identifier`, one identifier per bill of lading. [`read_ams`] joins
//! them into manifest lines: one line per cargo description row (with the tariff row of the
//! same container and sequence number), carrying the bill's shipper, consignee, notify parties,
//! vessel, ports, arrival date, containers and marks. A bill without cargo rows becomes one line.
//!
//! Nothing is dropped silently: a row whose `identifier` has no header row, a tariff row that
//! matches no cargo row of a bill that does not exist, a second shipper for one bill, each is
//! reported (a row error naming the file and line, or a warning). The joined lines then go
//! through the same [`LineBuilder`] as CSV and JSON rows, so the same rules apply (line numbers
//! by position within the bill, cell limits, "nothing to screen").
//!
//! Trade-offs: the tables are read into memory before joining (the release is not sorted by
//! identifier, so a streaming merge join is not possible without sorting it first); one daily
//! release of some 50,000 bills is a few tens of MB. The bill of lading number becomes the
//! shipment id (house bill if there is one, else master bill, else the identifier), because
//! that is what CBP and the consignee know the shipment by; the identifier is kept in `extra`.

mod join;
mod tables;

use std::path::Path;

use super::{Manifest, ManifestError};

/// Reads and joins the AMS tables in `dir` into a manifest.
pub fn read_ams(dir: &Path) -> Result<Manifest, ManifestError> {
    if !dir.is_dir() {
        return Err(ManifestError::Schema(format!(
            "{} is not a folder: --ams takes a folder of AMS tables (header, billgen, cargodesc, \
             tariff, shipper, consignee, notifyparty, container, marksnumbers)",
            dir.display()
        )));
    }
    let folder = tables::Folder::read(dir)?;
    Ok(join::join(&folder))
}

/// Joins AMS tables already in memory (`(file name, bytes)`, e.g. the files of an upload).
/// Files whose name does not end in `.csv` are read too: an upload names what it sends.
pub fn read_ams_files(files: &[(String, Vec<u8>)]) -> Result<Manifest, ManifestError> {
    let folder = tables::Folder::from_files(files, "the uploaded AMS files")?;
    Ok(join::join(&folder))
}
