//! Generates a seeded, reproducible benchmark manifest (CSV on stdout): party names drawn from
//! the real SDN list with realistic perturbations (typos, legal forms, romanization variants,
//! word order) mixed with non-listed company names (real AMS shipper names and generated ones),
//! skewed so that some suppliers recur, as in real trade.
//!
//! `cargo run --release --example gen_manifest -- LINES [SEED] > manifest.csv`

use std::io::Write;

use caatsa_screen::indicators::ofac::records;

/// SplitMix64: small, seedable, reproducible across platforms.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// An index skewed towards the start of a pool of `n` (a few suppliers are frequent).
    fn skewed(&mut self, n: usize) -> usize {
        ((self.unit().powi(3)) * n as f64) as usize % n.max(1)
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Share of lines whose supplier is derived from an SDN name.
const LISTED_SHARE: f64 = 0.03;
/// Distinct generated non-listed company names.
const SYNTHETIC_NAMES: usize = 20_000;

const PLACES: &[&str] = &[
    "Ningbo",
    "Xiamen",
    "Qingdao",
    "Shenzhen",
    "Guangzhou",
    "Yiwu",
    "Suzhou",
    "Hangzhou",
    "Wuxi",
    "Foshan",
    "Dongguan",
    "Tianjin",
    "Shanghai",
    "Weihai",
    "Yantai",
    "Zhoushan",
    "Fuzhou",
    "Changzhou",
    "Jinhua",
    "Taizhou",
    "Rizhao",
    "Dalian",
    "Saigon",
    "Hanoi",
    "Dhaka",
    "Chittagong",
    "Tiruppur",
    "Chennai",
    "Bangkok",
    "Jakarta",
    "Manila",
    "Istanbul",
    "Izmir",
    "Busan",
    "Incheon",
    "Monterrey",
    "Lima",
    "Guayaquil",
];
const WORDS: &[&str] = &[
    "Golden",
    "Sunrise",
    "Ocean",
    "Star",
    "Harvest",
    "Bright",
    "Everbright",
    "Hengtai",
    "Huafeng",
    "Jinlong",
    "Xinyuan",
    "Tianli",
    "Hongda",
    "Yongsheng",
    "Blue Sea",
    "Pacific",
    "Grand",
    "Union",
    "Lucky",
    "Prosper",
    "Evergreen",
    "Rising",
    "Silver",
    "Jade",
    "Phoenix",
    "Dragon",
    "Orient",
    "Crown",
    "Delta",
    "Apex",
];
const TRADES: &[&str] = &[
    "Textile",
    "Garment",
    "Foodstuff",
    "Aquatic Products",
    "Electronics",
    "Furniture",
    "Hardware",
    "Plastic Products",
    "Trading",
    "Import & Export",
    "Industrial",
    "Machinery",
    "Packaging",
    "Lighting",
    "Toys",
    "Footwear",
    "Seafood",
    "Knitting",
    "Steel",
    "Auto Parts",
];
const FORMS: &[&str] = &[
    "Co., Ltd.",
    "Co Ltd",
    "Limited",
    "Inc.",
    "Corp.",
    "LLC",
    "Company",
    "Co.,Ltd",
];
const COUNTRIES: &[(&str, u32)] = &[
    ("CN", 45),
    ("VN", 10),
    ("IN", 8),
    ("BD", 5),
    ("TH", 4),
    ("ID", 4),
    ("MX", 4),
    ("TR", 3),
    ("KR", 4),
    ("RU", 2),
    ("PE", 2),
    ("EC", 2),
    ("China", 3),
    ("Viet Nam", 1),
    ("Korea, Republic of", 1),
    ("Korea", 1),
    ("KP", 1),
];
const GOODS: &[(&str, &str)] = &[
    ("0307.43", "FROZEN SQUID"),
    ("030743", "FROZEN SQUID TUBES"),
    ("30749.0", "FROZEN SQUID RINGS"),
    ("0304.75", "FROZEN POLLOCK FILLETS"),
    ("0306.14", "FROZEN SNOW CRAB"),
    ("1605.54", "PREPARED SQUID"),
    ("6109.10.0012", "COTTON T-SHIRTS"),
    ("6204.62", "WOMENS COTTON TROUSERS"),
    ("6110.20", "KNITTED SWEATERS"),
    ("6404.11", "SPORTS FOOTWEAR"),
    ("5407.61", "POLYESTER WOVEN FABRIC"),
    ("4412.31", "PLYWOOD PANELS"),
    ("4418.75", "WOOD FLOORING"),
    ("6704.11", "SYNTHETIC WIGS"),
    ("8528.72", "LED TELEVISIONS"),
    ("8471.30", "LAPTOP COMPUTERS"),
    ("9403.60", "WOODEN FURNITURE"),
    ("9503.00", "PLASTIC TOYS"),
    ("7308.90", "STEEL STRUCTURES"),
    ("8708.29", "AUTO BODY PARTS"),
    ("3926.90", "PLASTIC ARTICLES"),
    ("", "GENERAL CARGO HS CODE 940360"),
    ("", "HOUSEHOLD GOODS"),
];
const VESSELS: &[&str] = &[
    "EVER GIVEN",
    "MSC OSCAR",
    "COSCO SHIPPING ARIES",
    "MAERSK EINDHOVEN",
    "CMA CGM MARCO POLO",
    "OOCL HONG KONG",
    "HYUNDAI PRIDE",
    "ONE STORK",
    "APL SINGAPURA",
    "YM WITNESS",
];

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let lines: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let seed: u64 = args
        .get(2)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_261_128);
    let mut rng = Rng(seed);
    let root = env!("CARGO_MANIFEST_DIR");

    let sdn =
        std::fs::read(format!("{root}/data/ofac/set_2023-12-28/sdn.csv")).expect("full SDN file");
    let listed: Vec<(String, bool)> = records::parse_sdn(&sdn)
        .expect("SDN parses")
        .into_iter()
        .filter(|r| !matches!(r.sdn_type.as_deref(), Some("vessel" | "aircraft")))
        .map(|r| (r.name, r.sdn_type.as_deref() == Some("individual")))
        .collect();
    let real: Vec<String> =
        std::fs::read_to_string(format!("{root}/fixtures/bench/real_shipper_names.txt"))
            .expect("real shipper names")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(str::to_owned)
            .collect();
    let mut pool: Vec<String> = real.clone();
    while pool.len() < real.len() + SYNTHETIC_NAMES {
        pool.push(format!(
            "{} {} {} {}",
            rng.pick(PLACES),
            rng.pick(WORDS),
            rng.pick(TRADES),
            rng.pick(FORMS)
        ));
    }
    // Shuffle so that the frequent head of the skewed pool mixes real and generated names.
    for i in (1..pool.len()).rev() {
        let j = rng.below(i + 1);
        pool.swap(i, j);
    }
    let weights: u32 = COUNTRIES.iter().map(|(_, w)| w).sum();

    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    writeln!(out, "Bill of Lading,Line No,Importer,Shipper,Shipper City,Shipper Country,Manufacturer,Country of Origin,HTS,Goods Description,Qty,Value (USD),Vessel,IMO").unwrap();
    let mut shipment = 0u64;
    let mut line_no = 0;
    for _ in 0..lines {
        if line_no == 0 || rng.unit() < 0.35 {
            shipment += 1;
            line_no = 0;
        }
        line_no += 1;
        let supplier = party(&mut rng, &pool, &listed);
        let manufacturer = if rng.unit() < 0.5 {
            party(&mut rng, &pool, &listed)
        } else {
            String::new()
        };
        let mut roll = rng.below(weights as usize) as u32;
        let country = COUNTRIES
            .iter()
            .find(|(_, w)| {
                if roll < *w {
                    true
                } else {
                    roll -= w;
                    false
                }
            })
            .map_or("CN", |(c, _)| c);
        let country = csv_cell(country);
        let (hts, description) = rng.pick(GOODS);
        let vessel = rng.pick(VESSELS);
        let imo = 9_000_000 + rng.below(999_999);
        let _ = writeln!(
            out,
            "MEDU{:08},{line_no},Example Importers LLC,{},{},{country},{},{country},{hts},{description},{} CTN,{},{vessel},{imo}",
            shipment,
            csv_cell(&supplier),
            rng.pick(PLACES),
            csv_cell(&manufacturer),
            1 + rng.below(2000),
            100 + rng.below(500_000)
        );
    }
}

fn csv_cell(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// A party name: mostly non-listed (skewed, so suppliers recur), sometimes a perturbed SDN name.
fn party(rng: &mut Rng, pool: &[String], listed: &[(String, bool)]) -> String {
    if rng.unit() >= LISTED_SHARE {
        return pool[rng.skewed(pool.len())].clone();
    }
    let (name, person) = rng.pick(listed);
    let mut name = name.clone();
    for _ in 0..rng.below(3) {
        name = perturb(rng, &name, *person);
    }
    name
}

/// One realistic change to a listed name.
fn perturb(rng: &mut Rng, name: &str, person: bool) -> String {
    match rng.below(6) {
        0 => title_case(name),
        1 => name
            .replace("CORPORATION", "Corp.")
            .replace("COMPANY", "Co.")
            .replace("LIMITED", "Ltd")
            .replace("LTD", "Limited"),
        2 => typo(rng, name),
        3 => name
            .replacen("YO", "YEO", 1)
            .replacen(" K", " G", 1)
            .replacen(" P", " B", 1),
        4 if person => match name.split_once(", ") {
            Some((surname, given)) => format!("{given} {surname}"),
            None => name.to_owned(),
        },
        _ => name.replace('-', " "),
    }
}

fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A swap, a doubled letter or a dropped letter inside the name.
fn typo(rng: &mut Rng, name: &str) -> String {
    let mut chars: Vec<char> = name.chars().collect();
    if chars.len() < 4 {
        return name.to_owned();
    }
    let i = 1 + rng.below(chars.len() - 2);
    match rng.below(3) {
        0 => chars.swap(i, i + 1),
        1 => chars.insert(i, chars[i]),
        _ => {
            chars.remove(i);
        }
    }
    chars.into_iter().collect()
}
