//! What exporters of parsed replies share: the app's exports and
//! `dafu export` write CSV cells through the same guard.

use std::borrow::Cow;

/// Defuses a cell a spreadsheet would run as a formula (OWASP, "CSV
/// Injection"): a cell starting with `=`, `+`, `-`, `@`, a TAB or a CR gets
/// a leading `'`, which Excel, LibreOffice and Google Sheets show as text.
/// A plain signed number (`-12.5`, `+3`) stays as it is, so it still reads
/// as a number. Only the first character counts: `" =1"` is text already.
///
/// ```
/// use dafu_parser::csv_guard;
/// assert_eq!(csv_guard("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(csv_guard("\t=1"), "'\t=1");
/// assert_eq!(csv_guard("-12.5"), "-12.5");
/// ```
pub fn csv_guard(s: &str) -> Cow<'_, str> {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_signed_number(s);
    if formula {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// `+` or `-`, then digits with at most one decimal point.
fn is_signed_number(s: &str) -> bool {
    let Some(rest) = s.strip_prefix(['+', '-']) else {
        return false;
    };
    rest.bytes().any(|b| b.is_ascii_digit())
        && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && rest.bytes().filter(|&b| b == b'.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_owasp_formula_start_is_defused() {
        for (cell, safe) in [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+86 21 1234", "'+86 21 1234"),
            ("-2+3", "'-2+3"),
            ("@SUM(1)", "'@SUM(1)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
            ("\t", "'\t"),
            ("-inf", "'-inf"),
            ("-", "'-"),
            ("+1.2.3", "'+1.2.3"),
        ] {
            assert_eq!(csv_guard(cell), safe, "{cell:?}");
        }
        // Plain numbers, signed or not, stay numbers; anything else is untouched.
        for cell in ["-12.5", "+3", "166家", "", " =1", "沪科提复〔2025〕58号"] {
            assert_eq!(csv_guard(cell), cell, "{cell:?}");
        }
    }
}
