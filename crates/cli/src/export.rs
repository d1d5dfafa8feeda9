//! `dafu export`: rows for analysts, as CSV (UTF-8 with BOM) or JSON.

use crate::input::{self, Tally};
use crate::json::ReplyView;
use crate::rows::{CommitmentRow, FigureRow, ReplyRow, Row};
use crate::{Format, What};
use dafu_parser::csv_guard;
use serde::Serialize;
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The UTF-8 byte-order mark: without it Excel reads CSV as the local ANSI
/// code page and garbles Chinese.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub fn run(
    paths: &[PathBuf],
    what: What,
    format: Format,
    pretty: bool,
    out: Option<&Path>,
) -> io::Result<u8> {
    let mut tally = Tally::default();
    let mut views = Vec::new();
    for p in input::parse_all(paths, &mut tally) {
        match dafu_parser::check(&p.reply) {
            Ok(()) => {
                tally.ok += 1;
                views.push(ReplyView::new(&p.name, &p.reply));
            }
            Err(e) => {
                tally.not_replies += 1;
                eprintln!("{}: skipped: {e}", p.name);
            }
        }
    }
    let write = |w: &mut dyn Write| match what {
        What::Replies => write_rows::<ReplyRow>(&views, format, pretty, w),
        What::Figures => write_rows::<FigureRow>(&views, format, pretty, w),
        What::Commitments => write_rows::<CommitmentRow>(&views, format, pretty, w),
    };
    match out {
        None => write(&mut io::stdout().lock())?,
        Some(path) => {
            let written = File::create(path).and_then(|f| {
                let mut w = BufWriter::new(f);
                write(&mut w)?;
                w.flush()
            });
            if let Err(err) = written {
                eprintln!("{}: error: cannot write: {err}", path.display());
                return Ok(input::EXIT_IO);
            }
        }
    }
    Ok(tally.exit_code())
}

fn write_rows<'a, R: Row<'a>>(
    views: &'a [ReplyView],
    format: Format,
    pretty: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let rows: Vec<R> = views.iter().flat_map(R::of).collect();
    match format {
        Format::Json if pretty => serde_json::to_writer_pretty(&mut *out, &rows)?,
        Format::Json => serde_json::to_writer(&mut *out, &rows)?,
        Format::Csv => {
            out.write_all(BOM)?;
            out.write_all(&csv_header::<R>()?)?;
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(&mut *out);
            for row in &rows {
                w.write_record(csv_cells(row)?)?;
            }
            w.flush()?;
        }
    }
    if format == Format::Json {
        writeln!(out)?;
    }
    out.flush()
}

/// A row's CSV cells, each through the same formula guard as the app's
/// exports: the csv crate writes the row, its fields are read back and
/// guarded one by one (numbers keep the crate's spelling).
fn csv_cells<R: Serialize>(row: &R) -> io::Result<Vec<String>> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    w.serialize(row)?;
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[..]);
    let mut record = csv::StringRecord::new();
    r.read_record(&mut record)?;
    Ok(record
        .iter()
        .map(|cell| csv_guard(cell).into_owned())
        .collect())
}

/// The CSV header line of a row kind, written even when there are no rows so
/// that an empty export still names its columns. The csv crate only writes a
/// header together with the first record, so one default record is written
/// to a buffer and its first line kept.
fn csv_header<R: Serialize + Default>() -> io::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.serialize(R::default())?;
    let buf = w.into_inner().map_err(|e| e.into_error())?;
    let end = buf
        .iter()
        .position(|&b| b == b'\n')
        .map_or(buf.len(), |i| i + 1);
    Ok(buf[..end].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_follow_the_row_structs() {
        let h = String::from_utf8(csv_header::<FigureRow>().unwrap()).unwrap();
        assert_eq!(
            h.trim_end(),
            "file,doc_number,date,text,number,magnitude,unit,qualifier,kind,value,paragraph"
        );
        let h = String::from_utf8(csv_header::<CommitmentRow>().unwrap()).unwrap();
        assert_eq!(h.trim_end(), "file,doc_number,title,id,heading,text");
    }

    #[test]
    fn numbers_are_plain_decimals() {
        let row = FigureRow {
            text: "超21亿元",
            number: 21.0,
            value: 2.1e9,
            ..FigureRow::default()
        };
        let mut w = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        w.serialize(&row).unwrap();
        let line = String::from_utf8(w.into_inner().unwrap()).unwrap();
        assert_eq!(line, ",,,超21亿元,21.0,,,,,2100000000.0,0\n");
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(json["value"].to_string(), "2100000000.0");
    }

    #[test]
    fn csv_cells_are_guarded_against_formulas_and_json_is_not() {
        let row = CommitmentRow {
            file: "=HYPERLINK(\"x\")",
            title: Some("\t=1+1"),
            heading: "-12.5",
            text: "@SUM(1)，继续推进",
            ..CommitmentRow::default()
        };
        let cells = csv_cells(&row).unwrap();
        assert_eq!(cells[0], "'=HYPERLINK(\"x\")");
        assert_eq!(cells[2], "'\t=1+1");
        assert_eq!(cells[4], "-12.5", "a signed number stays a number");
        assert_eq!(cells[5], "'@SUM(1)，继续推进");
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(
            json["file"], "=HYPERLINK(\"x\")",
            "JSON keeps the text as it is"
        );
    }
}
