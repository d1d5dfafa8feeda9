//! Unsigned LEB128: 7 bits a byte, least significant first, the high bit
//! set on every byte but the last.

use super::shard::IndexError;

pub fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// How many bytes [`put`] writes for `value`.
pub fn len(value: u64) -> usize {
    (64 - (value | 1).leading_zeros() as usize).div_ceil(7)
}

/// Reads a varint of at most `bits` significant bits at `*at`, moving past
/// it.
fn read(data: &[u8], at: &mut usize, bits: u32) -> Result<u64, IndexError> {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = *data.get(*at).ok_or(IndexError::Truncated)?;
        *at += 1;
        let part = u64::from(byte & 0x7f);
        if shift >= bits || (bits - shift < 7 && part >> (bits - shift) != 0) {
            return Err(IndexError::CorruptVarint);
        }
        value |= part << shift;
        if byte < 0x80 {
            return Ok(value);
        }
        shift += 7;
    }
}

pub fn read_u64(data: &[u8], at: &mut usize) -> Result<u64, IndexError> {
    read(data, at, 64)
}

pub fn read_u32(data: &[u8], at: &mut usize) -> Result<u32, IndexError> {
    read(data, at, 32).map(|v| v as u32)
}

/// Reads a u32 varint from data known to be well formed (checked when its
/// shard was decoded): the fast path of search. Past the end, 0.
#[inline]
pub fn next(data: &[u8], at: &mut usize) -> u32 {
    let mut value = 0u32;
    let mut shift = 0;
    while let Some(&byte) = data.get(*at) {
        *at += 1;
        value |= u32::from(byte & 0x7f).wrapping_shl(shift);
        if byte < 0x80 {
            break;
        }
        shift += 7;
    }
    value
}

/// The index just past the `n` varints that start at `at` (at most the
/// length of `data`).
#[inline]
pub fn skip(data: &[u8], at: usize, n: u32) -> usize {
    let mut left = n;
    let mut i = at;
    while left > 0 {
        match data.get(i) {
            Some(&byte) => {
                left -= u32::from(byte < 0x80);
                i += 1;
            }
            None => return data.len(),
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_overlong_numbers() {
        for v in [0, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut out = Vec::new();
            put(&mut out, v);
            assert_eq!(out.len(), len(v), "{v}");
            let mut at = 0;
            assert_eq!(read_u64(&out, &mut at), Ok(v));
            assert_eq!(at, out.len());
            if v <= u32::MAX as u64 {
                assert_eq!(next(&out, &mut 0), v as u32);
                assert_eq!(read_u32(&out, &mut 0), Ok(v as u32));
            } else {
                assert_eq!(read_u32(&out, &mut 0), Err(IndexError::CorruptVarint));
            }
        }
        assert_eq!(
            read_u32(&[0xff, 0xff, 0xff, 0xff, 0x1f], &mut 0),
            Err(IndexError::CorruptVarint)
        );
        assert_eq!(
            read_u32(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01], &mut 0),
            Err(IndexError::CorruptVarint)
        );
        assert_eq!(read_u32(&[0x80], &mut 0), Err(IndexError::Truncated));
        assert_eq!(skip(&[0x80, 0x01, 0x05, 0x07], 0, 2), 3);
        assert_eq!(skip(&[0x80], 0, 2), 1);
    }
}
