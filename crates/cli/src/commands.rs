//! `dafu parse` and `dafu check`.

use crate::input::{self, Tally};
use crate::json::ReplyView;
use dafu_parser::ReplyKind;
use std::io::{self, Write};
use std::path::PathBuf;

/// Prints every file as JSON (an array, one object per file) or as a short
/// human summary. Exits 2 if a file could not be read, else 0: a text that is
/// not a reply still parses (its `missing` list says why).
pub fn parse(files: &[PathBuf], json: bool, pretty: bool) -> io::Result<u8> {
    let mut tally = Tally::default();
    let parsed = input::parse_all(files, &mut tally);
    let views: Vec<ReplyView> = parsed
        .iter()
        .map(|p| ReplyView::new(&p.name, &p.reply))
        .collect();
    let mut out = io::stdout().lock();
    if json {
        if pretty {
            serde_json::to_writer_pretty(&mut out, &views)?;
        } else {
            serde_json::to_writer(&mut out, &views)?;
        }
        writeln!(out)?;
    } else {
        for (i, view) in views.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            summary(&mut out, view)?;
        }
    }
    out.flush()?;
    Ok(if tally.unreadable > 0 {
        input::EXIT_IO
    } else {
        input::EXIT_OK
    })
}

fn summary(out: &mut impl Write, v: &ReplyView) -> io::Result<()> {
    let or_dash = |s: &Option<String>| s.clone().unwrap_or_else(|| "—".into());
    writeln!(out, "{}", v.file)?;
    let kind = match v.kind.and_then(ReplyKind::from_key) {
        Some(ReplyKind::Proposal) => "proposal (提案)",
        Some(ReplyKind::Suggestion) => "suggestion (代表建议)",
        None => "kind unknown",
    };
    let number = v
        .proposal_number
        .as_ref()
        .map(|n| format!(" 第{n}号"))
        .unwrap_or_default();
    writeln!(
        out,
        "  {} · {kind} · {}{number} · {}",
        or_dash(&v.doc_number),
        or_dash(&v.session),
        or_dash(&v.date)
    )?;
    writeln!(out, "  title: {}", or_dash(&v.title))?;
    if !v.proposers.is_empty() {
        let more = if v.proposers_more { " 等" } else { "" };
        writeln!(out, "  proposers: {}{more}", v.proposers.join("、"))?;
    }
    if v.result.is_some() || v.disclosure.is_some() {
        writeln!(
            out,
            "  办理结果: {} · 公开属性: {}",
            or_dash(&v.result),
            or_dash(&v.disclosure)
        )?;
    }
    writeln!(
        out,
        "  {} paragraphs, {} figures, {} dates, {} commitments, {} warnings",
        v.paragraphs.len(),
        v.figures.len(),
        v.dates.len(),
        v.commitments.len(),
        v.warnings.len()
    )?;
    for c in &v.commitments {
        writeln!(out, "  - {}", c.heading)?;
    }
    for w in &v.warnings {
        writeln!(
            out,
            "  warning {}:{}: {} ({})",
            w.line, w.column, w.reason, w.rule
        )?;
    }
    if !v.missing.is_empty() {
        writeln!(
            out,
            "  not a recognisable reply: missing {}",
            v.missing.join(", ")
        )?;
    }
    Ok(())
}

/// Prints warnings as `FILE:LINE:COL: reason (rule)` on stdout, texts that
/// are not replies as `FILE: error: …` on stderr, then a summary line.
pub fn check(paths: &[PathBuf]) -> io::Result<u8> {
    let mut tally = Tally::default();
    let mut out = io::stdout().lock();
    for p in input::parse_all(paths, &mut tally) {
        for w in &p.reply.warnings {
            writeln!(out, "{}:{w}", p.name)?;
        }
        match dafu_parser::check(&p.reply) {
            Ok(()) => tally.ok += 1,
            Err(e) => {
                tally.not_replies += 1;
                out.flush()?;
                eprintln!("{}: error: {e}", p.name);
            }
        }
    }
    let checked = tally.ok + tally.not_replies + tally.unreadable;
    write!(
        out,
        "checked {checked} files: {} ok, {} not replies",
        tally.ok, tally.not_replies
    )?;
    if tally.unreadable > 0 {
        write!(out, ", {} unreadable", tally.unreadable)?;
    }
    writeln!(out)?;
    out.flush()?;
    Ok(tally.exit_code())
}
