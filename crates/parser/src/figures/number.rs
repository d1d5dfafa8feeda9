//! Characters and written numbers: half- and full-width digits, decimal
//! points, thousands separators.

/// The value of a half- or full-width decimal digit.
pub(super) fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Half- or full-width Latin letter: a digit touching one belongs to a name.
pub(super) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
}

/// Horizontal spaces a user may leave between a number and its words.
pub(super) fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}')
}

pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

pub(super) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// Position after the spaces starting at `i`.
pub(super) fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i) {
        if !is_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Position of the first of the spaces that end at `i`.
pub(super) fn skip_spaces_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(text, i) {
        if !is_space(c) {
            break;
        }
        i -= c.len_utf8();
    }
    i
}

/// Whether a digit starts at `i`.
pub(super) fn digit_at(text: &str, i: usize) -> bool {
    char_at(text, i).and_then(digit_value).is_some()
}

/// Reads a run of digits at `i`: (value saturated, digit count, end).
pub(super) fn digit_run(text: &str, mut i: usize) -> (u32, usize, usize) {
    let (mut value, mut count) = (0u32, 0usize);
    while let Some(c) = char_at(text, i) {
        let Some(d) = digit_value(c) else { break };
        value = value.saturating_mul(10).saturating_add(d as u32);
        count += 1;
        i += c.len_utf8();
    }
    (value, count, i)
}

const BUF: usize = 40;

/// A written number: digits, thousands separators, one decimal point.
#[derive(Clone, Copy)]
pub(super) struct Number {
    pub end: usize,
    /// Normalised ASCII digits and '.', separators dropped.
    buf: [u8; BUF],
    len: usize,
    /// The digit run was longer than a figure can be.
    overflow: bool,
    int_digits: usize,
}

impl Number {
    /// Reads the number whose first digit is at `start`.
    ///
    /// `1,200` and `1，200` are one number only when exactly three digits
    /// follow the separator (and then a non-digit); `1，2345` is 1 and 2345.
    pub fn read(text: &str, start: usize) -> Number {
        let mut n = Number {
            end: start,
            buf: [0; BUF],
            len: 0,
            overflow: false,
            int_digits: 0,
        };
        let mut i = n.push_digits(text, start);
        n.int_digits = n.len;
        if n.int_digits <= 3 {
            while let Some(c @ (',' | '，')) = char_at(text, i) {
                let after = i + c.len_utf8();
                // Stop at once when too long: 1,234,234,… read again from
                // each group would be quadratic.
                if n.overflow || digit_run(text, after).1 != 3 {
                    break;
                }
                i = n.push_digits(text, after);
            }
            n.int_digits = n.len;
        }
        if let Some(c @ ('.' | '．')) = char_at(text, i) {
            let after = i + c.len_utf8();
            if digit_at(text, after) {
                n.push(b'.');
                i = n.push_digits(text, after);
            }
        }
        n.end = i;
        n
    }

    fn push(&mut self, b: u8) {
        if self.len < BUF {
            self.buf[self.len] = b;
            self.len += 1;
        } else {
            self.overflow = true;
        }
    }

    fn push_digits(&mut self, text: &str, mut i: usize) -> usize {
        while let Some(c) = char_at(text, i) {
            let Some(d) = digit_value(c) else { break };
            self.push(b'0' + d);
            i += c.len_utf8();
        }
        i
    }

    /// `0459`, `021`: a leading zero marks an identifier, not a quantity.
    pub fn leading_zero(&self) -> bool {
        self.int_digits > 1 && self.buf[0] == b'0'
    }

    pub fn overflow(&self) -> bool {
        self.overflow
    }

    /// The number times `10^exp`, correctly rounded (1.29 × 10¹² is exactly
    /// the double nearest 1.29e12).
    pub fn scaled(&self, exp: u8) -> f64 {
        let mut buf = [0u8; BUF + 4];
        buf[..self.len].copy_from_slice(&self.buf[..self.len]);
        let mut len = self.len;
        if exp > 0 {
            buf[len] = b'e';
            len += 1;
            if exp >= 10 {
                buf[len] = b'0' + exp / 10;
                len += 1;
            }
            buf[len] = b'0' + exp % 10;
            len += 1;
        }
        std::str::from_utf8(&buf[..len])
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(f64::NAN)
    }
}
