//! Embeds every locale folder (`crates/web/locales/<tag>/*.ftl`) in the binary: a language is
//! added by adding a folder (issue 16), with no Rust change; Cargo rebuilds when one appears.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

// Paths are written relative to this package (Cargo reads `rerun-if-changed` relative to
// it, and the generated `include_str!` starts from `CARGO_MANIFEST_DIR`): a build directory
// shared by two checkouts then never keeps the other checkout's files or file list.
const LOCALES: &str = "../web/locales";

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join(LOCALES);
    println!("cargo:rerun-if-changed={LOCALES}");
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut out = String::from("/// Every `.ftl` file found: (folder, file name, text).\n");
    out.push_str("pub(crate) static FILES: &[(&str, &str, &str)] = &[\n");
    for folder in folders {
        let tag = folder
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("folder name")?
            .to_owned();
        println!("cargo:rerun-if-changed={LOCALES}/{tag}");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).ok_or("file name")?;
            let relative = format!("{LOCALES}/{tag}/{name}");
            println!("cargo:rerun-if-changed={relative}");
            writeln!(
                out,
                "    ({tag:?}, {name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), {:?}))),",
                format!("/{relative}")
            )?;
        }
    }
    out.push_str("];\n");
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR")?).join("locales.rs"), out)?;
    Ok(())
}
