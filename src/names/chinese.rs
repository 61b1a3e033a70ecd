//! Chinese trade names: the generic words read as the English words listed names use for them,
//! and every other character as its pinyin syllable.
//!
//! A Chinese company name is a place, a trade name (字号, usually two characters), an industry
//! and a legal form: `丹东` `鸿祥` `实业发展` `有限公司` is listed as `DANDONG HONGXIANG INDUSTRIAL
//! DEVELOPMENT CO LTD`. Reading the industry and legal-form words as their English equivalents
//! lets them meet the English words (and weigh as little as those do); the place and the trade
//! name stay pinyin syllables, one token per character, which the scorer joins into `dandong`
//! and `hongxiang` (runs of neighbouring tokens). Longest match first, so `股份有限公司` is one
//! legal form and not `股份` + `有限公司`.
//!
//! The vocabulary lists the words of trade names, not a dictionary: a word missing from it only
//! costs weight (its syllables count as distinctive), never a wrong match.

/// Generic words of Chinese trade names and the English words listed names use for them.
const GENERIC_WORDS: &[(&str, &str)] = &[
    ("股份有限公司", "joint stock co ltd"),
    ("有限责任公司", "llc"),
    ("有限公司", "co ltd"),
    ("总公司", "corp"),
    ("分公司", "branch"),
    ("公司", "co"),
    ("集团", "group"),
    ("控股", "holdings"),
    ("实业", "industrial"),
    ("工业", "industrial"),
    ("产业", "industrial"),
    ("发展", "development"),
    ("开发", "development"),
    ("贸易", "trading"),
    ("商贸", "trading"),
    ("经贸", "economic trading"),
    ("工贸", "industry trading"),
    ("进出口", "import export"),
    ("国际", "international"),
    ("食品", "foodstuff"),
    ("水产品", "aquatic products"),
    ("水产", "aquatic products"),
    ("海产品", "seafood"),
    ("海产", "seafood"),
    ("海洋", "ocean"),
    ("渔业", "fishery"),
    ("冷藏", "cold storage"),
    ("加工", "processing"),
    ("科技", "technology"),
    ("技术", "technology"),
    ("物流", "logistics"),
    ("航运", "shipping"),
    ("海运", "shipping"),
    ("船务", "shipping"),
    ("运输", "transport"),
    ("投资", "investment"),
    ("电子", "electronics"),
    ("机械", "machinery"),
    ("设备", "equipment"),
    ("服装", "garment"),
    ("服饰", "garment"),
    ("制衣", "garment"),
    ("纺织", "textile"),
    ("建设", "construction"),
    ("建筑", "construction"),
    ("工程", "engineering"),
    ("矿业", "mining"),
    ("矿产", "mineral"),
    ("能源", "energy"),
    ("化工", "chemical"),
    ("钢铁", "steel"),
    ("金属", "metal"),
    ("材料", "materials"),
    ("木业", "wood"),
    ("石油", "petroleum"),
    ("工厂", "factory"),
    ("厂", "factory"),
    ("商行", "trading"),
    ("中国", "china"),
    ("香港", "hong kong"),
    ("澳门", "macau"),
];

/// Longest generic word, in characters.
const LONGEST_WORD: usize = 6;

/// CJK unified ideographs (with extension A) and compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Appends the reading of a run of Han characters to `out`: generic words in English, other
/// characters one pinyin syllable each, separated by spaces.
pub fn romanize_run(run: &[char], out: &mut String) {
    let mut i = 0;
    let mut word = String::new();
    while i < run.len() {
        let longest = LONGEST_WORD.min(run.len() - i);
        let generic = (1..=longest).rev().find_map(|len| {
            word.clear();
            word.extend(&run[i..i + len]);
            GENERIC_WORDS
                .iter()
                .find(|(zh, _)| *zh == word)
                .map(|(_, en)| (len, *en))
        });
        let (len, reading) = match generic {
            Some(found) => found,
            None => (1, deunicode::deunicode_char(run[i]).unwrap_or("")),
        };
        out.push(' ');
        out.push_str(reading.trim());
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> String {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::new();
        romanize_run(&chars, &mut out);
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn the_longest_generic_word_wins() {
        assert_eq!(read("股份有限公司"), "joint stock co ltd");
        assert_eq!(read("有限公司"), "co ltd");
        assert_eq!(read("进出口贸易"), "import export trading");
    }

    #[test]
    fn other_characters_are_pinyin_syllables() {
        assert_eq!(read("鸿祥"), "Hong Xiang");
        assert_eq!(read("丹东"), "Dan Dong");
    }

    #[test]
    fn han_ranges() {
        assert!(is_han('丹'));
        assert!(!is_han('a'));
        assert!(!is_han('김'));
    }
}
