//! Embeds every locale folder (`crates/web/locales/<tag>/*.ftl`) in the binary: a language is
//! added by adding a folder (issue 16), with no Rust change; Cargo rebuilds when one appears.

use std::error::Error;
use std::fmt::Write as _;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("../web/locales");
    let root = root.canonicalize()?;
    println!("cargo:rerun-if-changed={}", root.display());
    let mut folders: Vec<PathBuf> = std::fs::read_dir(&root)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let mut out = String::from("/// Every `.ftl` file found: (folder, file name, text).\n");
    out.push_str("pub(crate) static FILES: &[(&str, &str, &str)] = &[\n");
    for folder in folders {
        println!("cargo:rerun-if-changed={}", folder.display());
        let tag = folder
            .file_name()
            .and_then(|n| n.to_str())
            .ok_or("folder name")?
            .to_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&folder)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let name = file.file_name().and_then(|n| n.to_str()).ok_or("file name")?;
            writeln!(
                out,
                "    ({tag:?}, {name:?}, include_str!({:?})),",
                file.display().to_string()
            )?;
        }
    }
    out.push_str("];\n");
    std::fs::write(PathBuf::from(std::env::var("OUT_DIR")?).join("locales.rs"), out)?;
    Ok(())
}
