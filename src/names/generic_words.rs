//! Inflections of the generic words of company names, read as one word: `Trade`, `Trader`,
//! `Traders` and `Trading` are the same word in a company's name, as are `Export`, `Exports`,
//! `Exporter`, `Exporters` and `Exporting`.
//!
//! Only generic words are stemmed, by an explicit list of their forms rather than by a
//! suffix-stripping stemmer: a distinctive word (`Rungrado`, `Hongxiang`, a family name) is the
//! identity of a name, and stripping its endings would merge different names (`Petrov` is not
//! `Petrova`'s company, `Ryonha` is not `Ryonh`). These words are short and common, so the
//! typing-slip rules of the scorer do not join their forms by themselves.

/// A canonical generic word and the other forms that mean it in a company name.
pub const INFLECTIONS: &[(&str, &[&str])] = &[
    (
        "trading",
        &["trade", "trades", "trader", "traders", "tradings"],
    ),
    ("export", &["exports", "exporter", "exporters", "exporting"]),
    ("import", &["imports", "importer", "importers", "importing"]),
    (
        "manufacturing",
        &[
            "manufacture",
            "manufactures",
            "manufacturer",
            "manufacturers",
            "manufactory",
        ],
    ),
    ("engineering", &["engineer", "engineers"]),
    (
        "construction",
        &[
            "constructions",
            "construct",
            "constructing",
            "constructor",
            "constructors",
        ],
    ),
    (
        "investment",
        &[
            "investments",
            "invest",
            "investing",
            "investor",
            "investors",
        ],
    ),
    (
        "development",
        &[
            "developments",
            "develop",
            "developing",
            "developer",
            "developers",
        ],
    ),
    ("logistics", &["logistic"]),
    (
        "transport",
        &[
            "transports",
            "transportation",
            "transporting",
            "transporter",
            "transporters",
        ],
    ),
    (
        "consulting",
        &[
            "consult",
            "consultant",
            "consultants",
            "consultancy",
            "consultation",
        ],
    ),
    ("marketing", &["market", "markets"]),
    (
        "supply",
        &["supplies", "supplier", "suppliers", "supplying"],
    ),
    ("electronics", &["electronic"]),
    ("chemical", &["chemicals"]),
    ("garment", &["garments"]),
    ("textile", &["textiles"]),
    ("fishery", &["fisheries", "fishing"]),
    ("mining", &["mines"]),
    ("energy", &["energies"]),
    ("metal", &["metals"]),
    ("materials", &["material"]),
    ("machinery", &["machine", "machines"]),
    ("equipment", &["equipments"]),
    ("commercial", &["commerce"]),
    ("economic", &["economics", "economy"]),
    ("financial", &["finance", "finances", "financing"]),
    ("agricultural", &["agriculture"]),
    ("pharmaceutical", &["pharmaceuticals", "pharma"]),
    ("exchange", &["exchanges"]),
    ("resources", &["resource"]),
    ("solutions", &["solution"]),
    ("systems", &["system"]),
    ("group", &["groups"]),
    ("shipping", &["shipper", "shippers"]),
    ("steel", &["steels"]),
    ("petroleum", &["petroleums"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_form_belongs_to_two_words() {
        let mut seen = std::collections::HashSet::new();
        for (canonical, forms) in INFLECTIONS {
            assert!(seen.insert(*canonical), "{canonical}");
            for form in *forms {
                assert!(seen.insert(*form), "{form} twice");
            }
        }
    }
}
