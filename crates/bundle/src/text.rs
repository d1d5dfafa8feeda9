//! The normal form of text that search compares: full-width ASCII becomes
//! half-width, Latin is lowercased and whitespace is dropped, so `ＡＩ`, `ai`
//! and `A I` all find "AI", and "74亿元" finds "74 亿元".
//!
//! Shared by the app's substring search and the search index built at build
//! time: both sides must normalise identically.

/// The normal form of one character, `None` for whitespace (dropped).
pub fn normalize_char(c: char) -> Option<char> {
    // Fast paths for what replies are made of: Chinese ideographs have no
    // case, ASCII lowercases without the Unicode tables.
    if matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}') {
        return Some(c);
    }
    if c.is_ascii() {
        return (!c.is_ascii_whitespace() && c != '\u{0B}').then(|| c.to_ascii_lowercase());
    }
    if c.is_whitespace() {
        return None;
    }
    let c = match c as u32 {
        // Full-width ASCII block: ！ … ～
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => Some(c),
    }
}

/// The normal form of a whole string.
pub fn normalize(s: &str) -> String {
    s.chars().filter_map(normalize_char).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn fast_paths_agree_with_the_unicode_rule() {
        let general = |c: char| -> Option<char> {
            if c.is_whitespace() {
                return None;
            }
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => Some(c),
            }
        };
        for c in (0..0x80u32)
            .chain(0x3400..0x4DC0)
            .chain(0x4E00..0xA000)
            .filter_map(char::from_u32)
        {
            assert_eq!(super::normalize_char(c), general(c), "{c:?}");
        }
    }
}
