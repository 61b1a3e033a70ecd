//! Reading the four country sources into one flat list of (ISO code, name, origin) rows.
//!
//! Each source is read for the name fields it is authoritative for, and nothing is merged here:
//! the table decides ambiguity by looking at all rows for a key at once, so a name two sources
//! give to different countries is seen as ambiguous instead of whichever file was read first.
//! One upstream quirk is handled here: mledoze's CSV joins `altSpellings` with commas although
//! some spellings contain a comma (`Korea, Democratic People's Republic of`); a fragment that
//! starts with a space continues the previous spelling (this reproduces the upstream JSON
//! exactly), so the fragment `Korea` never becomes a spelling of its own.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::super::ref_csv::{field, CsvRows};
use super::super::RefError;

pub(super) const DATASETS_FILE: &str = "data/iso3166/datasets-country-codes.csv";
pub(super) const ISO_CODES_FILE: &str = "data/iso3166/debian-iso-codes_iso_3166-1.json";
pub(super) const MLEDOZE_FILE: &str = "data/iso3166/mledoze-countries.csv";
pub(super) const VARIANTS_FILE: &str = "data/countries/variants.csv";

/// The name columns of datasets/country-codes used for resolution (English UN/ISO/CLDR names
/// and the Chinese UNTERM and official names).
const DATASETS_NAME_COLUMNS: [&str; 8] = [
    "official_name_en",
    "UNTERM English Short",
    "UNTERM English Formal",
    "ISO4217-currency_country_name",
    "CLDR display name",
    "UNTERM Chinese Short",
    "UNTERM Chinese Formal",
    "official_name_cn",
];

/// The name columns of mledoze/countries used for resolution (English, Korean, Chinese); other
/// languages are left out because every extra language adds cross-language collisions.
const MLEDOZE_NAME_COLUMNS: [&str; 6] = [
    "name.common",
    "name.official",
    "translations.kor.official",
    "translations.kor.common",
    "translations.zho.official",
    "translations.zho.common",
];

/// The raw bytes of the country sources (embedded or read from disk by the caller).
#[derive(Debug, Clone, Copy)]
pub struct CountrySources<'a> {
    /// `data/iso3166/datasets-country-codes.csv` (datasets/country-codes).
    pub datasets_csv: &'a [u8],
    /// `data/iso3166/debian-iso-codes_iso_3166-1.json` (Debian iso-codes: ISO short names).
    pub iso_codes_json: &'a [u8],
    /// `data/iso3166/mledoze-countries.csv` (mledoze/countries: alt spellings, translations).
    pub mledoze_csv: &'a [u8],
    /// `data/countries/variants.csv` (curated: `code,variant,note`).
    pub variants_csv: &'a [u8],
}

impl CountrySources<'static> {
    /// The crate's shipped files, embedded at compile time.
    pub fn builtin() -> Self {
        CountrySources {
            datasets_csv: include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/iso3166/datasets-country-codes.csv"
            )),
            iso_codes_json: include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/iso3166/debian-iso-codes_iso_3166-1.json"
            )),
            mledoze_csv: include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/iso3166/mledoze-countries.csv"
            )),
            variants_csv: include_bytes!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/data/countries/variants.csv"
            )),
        }
    }
}

/// One ISO 3166-1 country: alpha-2, alpha-3 and the display name.
#[derive(Debug, Clone)]
pub(super) struct IsoCountry {
    pub alpha3: String,
    pub name: String,
}

/// One name a source gives to a country.
#[derive(Debug, Clone)]
pub(super) struct NameRow {
    pub code: String,
    pub name: String,
    /// The curated note, for rows of `variants.csv`.
    pub note: Option<String>,
}

/// Everything read from the sources.
pub(super) struct SourceRows {
    /// ISO alpha-2 -> country.
    pub countries: BTreeMap<String, IsoCountry>,
    pub names: Vec<NameRow>,
}

pub(super) fn read_sources(sources: CountrySources<'_>) -> Result<SourceRows, RefError> {
    let mut countries = BTreeMap::new();
    let mut names = Vec::new();
    read_iso_codes(sources.iso_codes_json, &mut countries, &mut names)?;
    read_datasets(sources.datasets_csv, &mut countries, &mut names)?;
    read_mledoze(sources.mledoze_csv, &countries, &mut names)?;
    read_variants(sources.variants_csv, &countries, &mut names)?;
    Ok(SourceRows { countries, names })
}

#[derive(Deserialize)]
struct IsoCodesFile {
    #[serde(rename = "3166-1")]
    entries: Vec<IsoCodesEntry>,
}

#[derive(Deserialize)]
struct IsoCodesEntry {
    alpha_2: String,
    alpha_3: String,
    name: String,
    official_name: Option<String>,
    common_name: Option<String>,
}

fn read_iso_codes(
    bytes: &[u8],
    countries: &mut BTreeMap<String, IsoCountry>,
    names: &mut Vec<NameRow>,
) -> Result<(), RefError> {
    let file: IsoCodesFile = serde_json::from_slice(bytes).map_err(|e| RefError::Json {
        file: ISO_CODES_FILE,
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    if file.entries.is_empty() {
        return Err(RefError::Empty {
            file: ISO_CODES_FILE,
        });
    }
    for (index, entry) in file.entries.into_iter().enumerate() {
        let entry_error = |field: &'static str, value: &str| RefError::InvalidEntry {
            file: ISO_CODES_FILE,
            entry: index + 1,
            field,
            message: format!(
                "`{value}` is not an upper-case ISO 3166-1 code; restore the upstream value"
            ),
        };
        let code =
            is_code(&entry.alpha_2, 2).ok_or_else(|| entry_error("alpha_2", &entry.alpha_2))?;
        let alpha3 =
            is_code(&entry.alpha_3, 3).ok_or_else(|| entry_error("alpha_3", &entry.alpha_3))?;
        for name in [Some(&entry.name), entry.official_name.as_ref()]
            .into_iter()
            .chain([entry.common_name.as_ref()])
            .flatten()
        {
            names.push(row(&code, name, None));
        }
        countries.insert(
            code,
            IsoCountry {
                alpha3,
                name: entry.name,
            },
        );
    }
    Ok(())
}

fn read_datasets(
    bytes: &[u8],
    countries: &mut BTreeMap<String, IsoCountry>,
    names: &mut Vec<NameRow>,
) -> Result<(), RefError> {
    let csv = CsvRows::parse(DATASETS_FILE, bytes)?;
    let alpha2 = csv.column("ISO3166-1-Alpha-2")?;
    let alpha3 = csv.column("ISO3166-1-Alpha-3")?;
    let name_columns = DATASETS_NAME_COLUMNS
        .iter()
        .map(|c| csv.column(c))
        .collect::<Result<Vec<_>, _>>()?;
    for (line, record) in csv.rows() {
        let code = checked_code(
            field(record, alpha2),
            2,
            csv.file(),
            line,
            "ISO3166-1-Alpha-2",
        )?;
        let a3 = checked_code(
            field(record, alpha3),
            3,
            csv.file(),
            line,
            "ISO3166-1-Alpha-3",
        )?;
        for &column in &name_columns {
            names.push(row(&code, field(record, column), None));
        }
        let fallback_name = field(record, name_columns[0]).to_owned();
        countries.entry(code).or_insert(IsoCountry {
            alpha3: a3,
            name: fallback_name,
        });
    }
    Ok(())
}

fn read_mledoze(
    bytes: &[u8],
    countries: &BTreeMap<String, IsoCountry>,
    names: &mut Vec<NameRow>,
) -> Result<(), RefError> {
    let csv = CsvRows::parse(MLEDOZE_FILE, bytes)?;
    let cca2 = csv.column("cca2")?;
    let alt = csv.column("altSpellings")?;
    let name_columns = MLEDOZE_NAME_COLUMNS
        .iter()
        .map(|c| csv.column(c))
        .collect::<Result<Vec<_>, _>>()?;
    for (_, record) in csv.rows() {
        let code = field(record, cca2);
        // Entries without an ISO-assigned code (e.g. Kosovo's user-assigned XK) are left out:
        // resolution answers with ISO 3166-1 codes only.
        if !countries.contains_key(code) {
            continue;
        }
        for &column in &name_columns {
            names.push(row(code, field(record, column), None));
        }
        for spelling in split_alt_spellings(field(record, alt)) {
            names.push(row(code, &spelling, None));
        }
    }
    Ok(())
}

fn read_variants(
    bytes: &[u8],
    countries: &BTreeMap<String, IsoCountry>,
    names: &mut Vec<NameRow>,
) -> Result<(), RefError> {
    let csv = CsvRows::parse(VARIANTS_FILE, bytes)?;
    let code_col = csv.column("code")?;
    let variant_col = csv.column("variant")?;
    let note_col = csv.column("note")?;
    for (line, record) in csv.rows() {
        let code = field(record, code_col);
        if !countries.contains_key(code) {
            let message = format!(
                "`{code}` is not an ISO 3166-1 alpha-2 code in the ISO sources; use the alpha-2 code (e.g. KP, KR)"
            );
            return Err(RefError::invalid(csv.file(), line, "code", message));
        }
        let variant = field(record, variant_col);
        if variant.is_empty() {
            return Err(RefError::invalid(
                csv.file(),
                line,
                "variant",
                "empty variant; write the name as manifests spell it",
            ));
        }
        let note = field(record, note_col);
        if note.is_empty() {
            return Err(RefError::invalid(
                csv.file(),
                line,
                "note",
                "empty note; say where this spelling is used",
            ));
        }
        names.push(row(code, variant, Some(note.to_owned())));
    }
    Ok(())
}

/// Split mledoze's comma-joined `altSpellings`: a fragment starting with a space continues the
/// previous spelling (`Korea, Republic of` stays one spelling).
pub(super) fn split_alt_spellings(joined: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for fragment in joined.split(',') {
        match out.last_mut() {
            Some(last) if fragment.starts_with(' ') => {
                last.push(',');
                last.push_str(fragment);
            }
            _ => out.push(fragment.to_owned()),
        }
    }
    out.retain(|s| !s.trim().is_empty());
    out
}

fn row(code: &str, name: &str, note: Option<String>) -> NameRow {
    NameRow {
        code: code.to_owned(),
        name: name.to_owned(),
        note,
    }
}

/// `raw` trimmed, when it is a `len`-letter upper-case code.
fn is_code(raw: &str, len: usize) -> Option<String> {
    let code = raw.trim();
    (code.len() == len && code.chars().all(|c| c.is_ascii_uppercase())).then(|| code.to_owned())
}

fn checked_code(
    raw: &str,
    len: usize,
    file: &'static str,
    line: u64,
    column: &'static str,
) -> Result<String, RefError> {
    is_code(raw, len).ok_or_else(|| {
        RefError::invalid(
            file,
            line,
            column,
            format!(
                "`{}` is not a {len}-letter upper-case ISO 3166-1 code; restore the upstream value",
                raw.trim()
            ),
        )
    })
}
