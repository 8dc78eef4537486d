//! `gen-digest`: writes a realistic synthetic digest for benchmarks and scale runs.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use gazette::digest::generate;

const USAGE: &str = "usage: gen-digest ARTICLES OUT [--monthly] [--seed N] [--long-tail PCT]
  ARTICLES  how many articles (~4 KB each; 150000 is ~600 MB over ten years)
  OUT       the file to write, or with --monthly a folder of YYYY-MM.txt files
  --seed N  PRNG seed (default 1); same arguments, same bytes
  --long-tail PCT  invent PCT% of company and person names (a realistic long tail of
            names; single file only)";

struct Args {
    count: usize,
    out: PathBuf,
    monthly: bool,
    seed: u64,
    tail: u8,
}

fn parse_args() -> Result<Args, String> {
    let mut positional = Vec::new();
    let mut monthly = false;
    let mut seed = 1;
    let mut tail = 0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--monthly" => monthly = true,
            "--seed" => {
                let value = args.next().ok_or("--seed needs a number")?;
                seed = value.parse().map_err(|_| format!("bad seed `{value}`"))?;
            }
            "--long-tail" => {
                let value = args.next().ok_or("--long-tail needs a percentage")?;
                tail = value
                    .parse()
                    .ok()
                    .filter(|&p| p <= 100)
                    .ok_or_else(|| format!("bad percentage `{value}`"))?;
            }
            "-h" | "--help" => return Err(String::new()),
            _ => positional.push(arg),
        }
    }
    let [count, out] = positional.as_slice() else {
        return Err("expected ARTICLES and OUT".to_string());
    };
    let count = count
        .replace('_', "")
        .parse()
        .map_err(|_| format!("bad article count `{count}`"))?;
    Ok(Args {
        count,
        out: PathBuf::from(out),
        monthly,
        seed,
        tail,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("gen-digest: {message}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = if args.monthly {
        generate::write_monthly(args.count, args.seed, &args.out)
            .map(|files| format!("{} files", files.len()))
    } else {
        File::create(&args.out).and_then(|f| {
            let mut w = BufWriter::new(f);
            let articles = generate::articles(args.count, args.seed).long_tail(args.tail);
            let bytes = generate::write_articles(articles, &mut w)?;
            w.flush()?;
            Ok(format!("{bytes} bytes"))
        })
    };
    match result {
        Ok(what) => {
            eprintln!("{}: {} articles, {what}", args.out.display(), args.count);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("gen-digest: {}: {e}", args.out.display());
            ExitCode::from(1)
        }
    }
}
