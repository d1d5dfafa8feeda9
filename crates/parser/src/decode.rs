//! Decoding raw bytes into text.
//!
//! Strict UTF-8 first (a byte-order mark is dropped), then GB18030 — the
//! superset of GBK that Chinese Windows tools write — when it decodes without
//! a single error, and as a last resort UTF-8 with replacement characters.
//! Without the `gb18030` feature only UTF-8 is read; the rest is lossy.
//! Line endings are kept as they are: [`crate::source`] reads `\r\n` and
//! `\r` as line ends, so source ranges index exactly this text.

use std::borrow::Cow;

use crate::model::Encoding;

const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(crate) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: Encoding,
}

/// Decodes `bytes`.
///
/// `b"\xEF\xBB\xBF\xE7\xAD\x94"` → `"答"`, [`Encoding::Utf8Bom`];
/// `b"\xB4\xF0"` (GBK) → `"答"`, [`Encoding::Gb18030`].
pub(crate) fn decode(bytes: &[u8]) -> Decoded<'_> {
    let (body, bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if let Ok(text) = std::str::from_utf8(body) {
        let encoding = if bom {
            Encoding::Utf8Bom
        } else {
            Encoding::Utf8
        };
        return Decoded {
            text: Cow::Borrowed(text),
            encoding,
        };
    }
    #[cfg(feature = "gb18030")]
    if !bom {
        if let Some(text) =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes)
        {
            return Decoded {
                text,
                encoding: Encoding::Gb18030,
            };
        }
    }
    Decoded {
        text: String::from_utf8_lossy(body),
        encoding: Encoding::Lossy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("答复".as_bytes());
        assert_eq!((d.text.as_ref(), d.encoding), ("答复", Encoding::Utf8));
        let d = decode(b"\xEF\xBB\xBF\xE7\xAD\x94");
        assert_eq!((d.text.as_ref(), d.encoding), ("答", Encoding::Utf8Bom));
    }

    #[cfg(feature = "gb18030")]
    #[test]
    fn gbk() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("沪科提复〔2025〕58号\r\n");
        let d = decode(&bytes);
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("沪科提复〔2025〕58号\r\n", Encoding::Gb18030)
        );
    }

    #[test]
    fn neither_is_lossy() {
        let d = decode(b"a\xFFb");
        assert_eq!(
            (d.text.as_ref(), d.encoding),
            ("a\u{fffd}b", Encoding::Lossy)
        );
        let d = decode(b"\xEF\xBB\xBFa\x80");
        assert_eq!(d.encoding, Encoding::Lossy);
    }
}
