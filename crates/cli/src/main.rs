//! `dafu`: parse, check and export replies (答复) of the Shanghai Science and
//! Technology Commission (上海市科学技术委员会).
#![forbid(unsafe_code)]

mod commands;
mod export;
mod input;
mod json;
mod rows;
mod synth;

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

const AFTER_HELP: &str = "\
Exit codes: 0 all files read (and, for check and export, all recognisable replies);
1 some file is not a recognisable reply (check, export); 2 some file or directory
could not be read, or a usage error. The JSON and CSV contract is described in
docs/cli.md.";

/// Structured data from the replies (答复) of the Shanghai Science and
/// Technology Commission (上海市科学技术委员会) to CPPCC proposals (政协提案)
/// and People's Congress deputies' suggestions (人大代表建议).
#[derive(Debug, Parser)]
#[command(name = "dafu", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse replies and print their metadata, paragraphs, figures (数字) and
    /// commitments (下一步工作 items), as a summary or as JSON.
    #[command(after_help = AFTER_HELP)]
    Parse(ParseArgs),
    /// Check that texts are recognisable replies: print what the parser could
    /// not read as FILE:LINE:COL: reason (rule) (warnings alone do not fail),
    /// report what is missing (文号, 标题 …) for texts that are not replies,
    /// and end with a summary line.
    #[command(after_help = AFTER_HELP)]
    Check(CheckArgs),
    /// Export replies, figures or commitments as CSV (UTF-8 with BOM, opens in
    /// Excel) or JSON rows, for analysis. Texts that are not recognisable
    /// replies are skipped with a note on stderr.
    #[command(after_help = AFTER_HELP)]
    Export(ExportArgs),
    /// Write N realistic synthetic replies (and manifest.json) into a folder,
    /// for benchmarks and stress tests; deterministic for a seed.
    Synth(SynthArgs),
}

#[derive(Debug, Args)]
struct SynthArgs {
    /// How many replies to write.
    #[arg(value_name = "N")]
    count: usize,
    /// Folder to write into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed; the same seed writes the same replies.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

#[derive(Debug, Args)]
struct ParseArgs {
    /// Reply texts (UTF-8 or GBK/GB18030); a directory means its *.txt and
    /// *.md files, sorted by name.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print a JSON array with one object per file (contract: docs/cli.md).
    #[arg(long)]
    json: bool,
    /// Indent the JSON (implies --json).
    #[arg(long)]
    pretty: bool,
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Reply texts, or directories whose *.txt and *.md files are checked.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// Reply texts, or directories whose *.txt and *.md files are exported.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// What one row is.
    #[arg(long, value_enum, default_value_t = What::Replies)]
    what: What,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Csv)]
    format: Format,
    /// Write to FILE instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Indent JSON output.
    #[arg(long)]
    pretty: bool,
}

/// The row kind of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum What {
    /// One row per reply (答复): metadata and counts.
    Replies,
    /// One row per figure (数字) in the body, with its reply's 文号 and date.
    Figures,
    /// One row per commitment (承诺, items of 下一步 / 下阶段).
    Commitments,
}

/// The file format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Comma-separated values, UTF-8 with a byte-order mark.
    Csv,
    /// A JSON array of row objects.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse(a) => commands::parse(&a.files, a.json || a.pretty, a.pretty),
        Command::Check(a) => commands::check(&a.paths),
        Command::Export(a) => export::run(&a.paths, a.what, a.format, a.pretty, a.out.as_deref()),
        Command::Synth(a) => synth::run(a.count, &a.out, a.seed),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped early (`dafu check … | head`) is not an error.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(err) => {
            let _ = io::stdout().flush();
            eprintln!("dafu: error: cannot write output: {err}");
            ExitCode::from(input::EXIT_IO)
        }
    }
}
