//! The world's common legal forms: abbreviations ([`FORMS`]) and long spellings written as
//! several words ([`PHRASES`]), each read as one legal-form token.
//!
//! Every legal form matches every other one and weighs almost nothing ([`super::weights`]): a
//! company's legal form says little about which company it is, and lists, manifests and
//! registries write it differently (`Deutsche Bahn Aktiengesellschaft` / `Deutsche Bahn AG`,
//! `OOO Alis` / `Alis LLC`). The canonical spelling is kept so that a name prints the same way
//! whatever form it was written in.
//!
//! Coverage: the forms of the jurisdictions where listed entities and their suppliers
//! concentrate (Russia, Ukraine, Belarus and Central Asia; China and Hong Kong; the Gulf; South
//! and South-East Asia; Latin America; Europe; Turkey), in the local language as romanized by
//! the registries and by OFAC. The ISO 20275 entity legal form list (GLEIF) is the reference to
//! extend it from; it was not available offline here, so this table is our own.
//! Phrases are matched on the folded spelling ([`super::transliteration::fold`]), so the
//! transliteration variants of Russian forms (`ogranichennoy` / `ogranichennoi`) all match.

/// Single-word legal forms (after normalization: dots dropped, initials joined) and their
/// canonical spelling.
pub const FORMS: &[(&str, &str)] = &[
    // English-speaking and common-law jurisdictions.
    ("co", "co"),
    ("company", "co"),
    ("companies", "co"),
    ("cie", "co"),
    ("corp", "corp"),
    ("corporation", "corp"),
    ("ltd", "ltd"),
    ("limited", "ltd"),
    ("llc", "llc"),
    ("llp", "llp"),
    ("lp", "lp"),
    ("inc", "inc"),
    ("incorporated", "inc"),
    ("plc", "plc"),
    ("pte", "pte"),
    ("pty", "pty"),
    ("pvt", "pvt"),
    ("private", "pvt"),
    ("cc", "cc"),
    ("wll", "wll"),
    ("est", "est"),
    ("establishment", "est"),
    // Russia, Ukraine, Belarus, Central Asia.
    ("ooo", "llc"),
    ("tov", "llc"),
    ("too", "llc"),
    ("odo", "llc"),
    ("jsc", "jsc"),
    ("ojsc", "jsc"),
    ("cjsc", "jsc"),
    ("pjsc", "jsc"),
    ("oao", "jsc"),
    ("zao", "jsc"),
    ("pao", "jsc"),
    ("ao", "jsc"),
    ("nao", "jsc"),
    ("fgup", "sue"),
    ("gup", "sue"),
    ("mup", "sue"),
    ("sue", "sue"),
    ("fsue", "sue"),
    // Europe.
    ("gmbh", "gmbh"),
    ("ag", "ag"),
    ("aktiengesellschaft", "ag"),
    ("kg", "kg"),
    ("kommanditgesellschaft", "kg"),
    ("ug", "ug"),
    ("se", "se"),
    ("bv", "bv"),
    ("nv", "nv"),
    ("sarl", "sarl"),
    ("sa", "sa"),
    ("sas", "sa"),
    ("sasu", "sa"),
    ("srl", "srl"),
    ("spa", "spa"),
    ("sl", "sl"),
    ("slu", "sl"),
    ("sp", "sp"),
    ("zoo", "zoo"),
    ("sro", "sro"),
    ("as", "as"),
    ("asa", "as"),
    ("ab", "ab"),
    ("aps", "aps"),
    ("oy", "oy"),
    ("oyj", "oy"),
    ("kft", "kft"),
    ("zrt", "zrt"),
    ("nyrt", "zrt"),
    ("doo", "doo"),
    ("dooel", "doo"),
    ("ood", "ood"),
    ("eood", "ood"),
    ("ad", "ad"),
    ("ehf", "ehf"),
    // Turkey.
    ("sti", "sti"),
    ("sirketi", "sirketi"),
    // Latin America, Portugal, Spain.
    ("ltda", "ltda"),
    ("eirl", "eirl"),
    ("sac", "sa"),
    ("saa", "sa"),
    ("sae", "sa"),
    ("saic", "sa"),
    ("sapi", "sa"),
    ("cv", "cv"),
    // Asia.
    ("bhd", "bhd"),
    ("berhad", "bhd"),
    ("sdn", "sdn"),
    ("pt", "pt"),
    ("tbk", "tbk"),
    ("kk", "kk"),
    // Gulf free zones.
    ("fze", "fze"),
    ("fzco", "fze"),
    ("fzc", "fze"),
    ("fzllc", "fze"),
    ("fzd", "fze"),
];

/// Legal forms written as several words, and the one token each is read as.
pub const PHRASES: &[(&[&str], &str)] = &[
    (&["joint", "stock", "company"], "jsc"),
    (&["public", "joint", "stock", "company"], "jsc"),
    (&["open", "joint", "stock", "company"], "jsc"),
    (&["closed", "joint", "stock", "company"], "jsc"),
    (&["joint", "stock", "co"], "jsc"),
    (&["limited", "liability", "company"], "llc"),
    (&["limited", "liability", "partnership"], "llp"),
    (&["limited", "partnership"], "lp"),
    (&["public", "limited", "company"], "plc"),
    (&["private", "limited", "company"], "ltd"),
    (&["proprietary", "limited"], "pty"),
    (&["free", "zone", "establishment"], "fze"),
    (&["free", "zone", "company"], "fze"),
    (&["with", "limited", "liability"], "wll"),
    (&["state", "unitary", "enterprise"], "sue"),
    (&["federal", "state", "unitary", "enterprise"], "sue"),
    // Russian, Ukrainian, as OFAC and the registries romanize them.
    (
        &["obshchestvo", "s", "ogranichennoi", "otvetstvennostyu"],
        "llc",
    ),
    (&["aktsionernoe", "obshchestvo"], "jsc"),
    (&["zakrytoe", "aktsionernoe", "obshchestvo"], "jsc"),
    (&["otkrytoe", "aktsionernoe", "obshchestvo"], "jsc"),
    (&["publichnoe", "aktsionernoe", "obshchestvo"], "jsc"),
    (&["nepublichnoe", "aktsionernoe", "obshchestvo"], "jsc"),
    (
        &["federalnoe", "gosudarstvennoe", "unitarnoe", "predpriyatie"],
        "sue",
    ),
    (&["gosudarstvennoe", "unitarnoe", "predpriyatie"], "sue"),
    (
        &["tovarystvo", "z", "obmezhenoyu", "vidpovidalnistyu"],
        "llc",
    ),
    (&["aktsionerne", "tovarystvo"], "jsc"),
    // German, Dutch, Nordic.
    (&["gesellschaft", "mit", "beschrankter", "haftung"], "gmbh"),
    (&["gmbh", "co", "kg"], "kg"),
    (&["besloten", "vennootschap"], "bv"),
    (&["naamloze", "vennootschap"], "nv"),
    (&["aktiebolag"], "ab"),
    (&["aksjeselskap"], "as"),
    (&["aktieselskab"], "as"),
    (&["anpartsselskab"], "aps"),
    (&["osakeyhtio"], "oy"),
    // Polish, Czech.
    (&["spolka", "z", "ograniczona", "odpowiedzialnoscia"], "llc"),
    (&["sp", "zoo"], "llc"),
    (&["spolka", "akcyjna"], "sa"),
    (&["spolecnost", "s", "rucenim", "omezenym"], "sro"),
    // French, Italian, Spanish, Portuguese.
    (&["societe", "anonyme"], "sa"),
    (&["societe", "a", "responsabilite", "limitee"], "sarl"),
    (&["societe", "par", "actions", "simplifiee"], "sa"),
    (&["societa", "per", "azioni"], "spa"),
    (&["societa", "a", "responsabilita", "limitata"], "srl"),
    (&["sociedad", "anonima"], "sa"),
    (&["sociedad", "anonima", "de", "capital", "variable"], "sa"),
    (&["sa", "de", "cv"], "sa"),
    (&["s", "de", "rl"], "srl"),
    (&["s", "de", "rl", "de", "cv"], "srl"),
    (&["sociedad", "de", "responsabilidad", "limitada"], "srl"),
    (&["sociedad", "limitada"], "sl"),
    (&["sociedade", "anonima"], "sa"),
    (&["sociedade", "limitada"], "ltda"),
    // Turkish.
    (&["anonim", "sirketi"], "as"),
    (&["limited", "sirketi"], "ltd"),
    (&["ltd", "sti"], "ltd"),
    // Malaysian, Indonesian, Indian, Japanese.
    (&["sendirian", "berhad"], "sdn"),
    (&["sdn", "bhd"], "sdn"),
    (&["perseroan", "terbatas"], "pt"),
    (&["private", "limited"], "pvt"),
    (&["pvt", "ltd"], "pvt"),
    (&["kabushiki", "kaisha"], "kk"),
    (&["yugen", "kaisha"], "kk"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_phrase_and_form_is_normalized_text() {
        let ok = |w: &str| {
            w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        };
        for (form, canonical) in FORMS {
            assert!(ok(form) && ok(canonical), "{form}");
        }
        for (words, token) in PHRASES {
            assert!(words.iter().all(|w| ok(w)) && ok(token), "{words:?}");
        }
    }

    #[test]
    fn phrase_tokens_are_legal_forms_or_known_words() {
        for (_, token) in PHRASES {
            assert!(
                FORMS.iter().any(|(f, _)| f == token),
                "{token} is not a legal form"
            );
        }
    }
}
