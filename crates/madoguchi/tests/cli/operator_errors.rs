//! Issue 11 item 9: what the operator is told. A log level the server cannot use refuses to
//! start with one line naming `log.level`; a damaged or foreign database file is named, with
//! what is wrong with it, instead of "internal error".

use std::process::Command;

use super::{assert_one_line_error, bin, run, scratch};

// Issue 11 item 9: log.level.
#[test]
fn an_invalid_log_level_refuses_to_start() {
    let dir = scratch("log-level");
    let file = dir.join("m.toml");
    std::fs::write(&file, "listen = \"127.0.0.1:0\"\n[log]\nlevel = \"verbose\"\n").unwrap();
    let url = format!("sqlite:{}", dir.join("m.db").display());
    let (out, _, err) = run(bin().args(["serve", "--database-url", &url, "--config"]).arg(&file));
    assert_one_line_error(&out, &err, "log.level `verbose`");
    let (out, _, err) = run(bin()
        .args(["serve", "--listen", "127.0.0.1:0", "--database-url", &url])
        .env("MADOGUCHI_LOG__LEVEL", "madoguchi=loud"));
    assert_one_line_error(&out, &err, "log.level");
}

/// A file that is no database at all, and one whose pages after the first are destroyed.
fn damaged_files(dir: &std::path::Path) -> [(std::path::PathBuf, &'static str); 2] {
    let foreign = dir.join("photo.db");
    std::fs::write(
        &foreign,
        (0..65_536_u32).map(|i| (i * 31 % 256) as u8).collect::<Vec<_>>(),
    )
    .unwrap();
    let broken = dir.join("broken.db");
    let url = format!("sqlite:{}", broken.display());
    assert!(run(bin().args(["migrate", "--database-url", &url])).0.status.success());
    let wreck = "import sys\nd=bytearray(open(sys.argv[1],'rb').read())\n\
        n=int.from_bytes(d[16:18],'big') or 65536\nd[n:]=b'\\xa5'*(len(d)-n)\nopen(sys.argv[1],'wb').write(d)";
    assert!(
        Command::new("python3")
            .args(["-c", wreck])
            .arg(&broken)
            .status()
            .unwrap()
            .success()
    );
    [(foreign, "is not a SQLite database"), (broken, "is damaged")]
}

// Issue 11 item 9: a damaged or foreign database file is named, with its problem.
#[test]
fn audit_verify_and_office_list_name_the_damaged_file() {
    let dir = scratch("damaged");
    for (file, problem) in damaged_files(&dir) {
        let url = format!("sqlite:{}", file.display());
        for command in [["audit", "verify"], ["office", "list"]] {
            let (out, _, err) = run(bin().args(command).args(["--database-url", &url]));
            let what = format!("the database file {} {problem}", file.display());
            assert_one_line_error(&out, &err, &what);
        }
    }
}
