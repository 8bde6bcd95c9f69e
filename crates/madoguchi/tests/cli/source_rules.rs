//! Rules about the source itself, checked by reading it.

// rule TM-4: no code reads the wall clock except the clock module. Two known exceptions:
// test-database names (not a rule) and request latency (monotonic, not the wall clock).
#[test]
fn only_the_clock_module_reads_the_wall_clock() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let allowed = ["domain/src/clock.rs", "store/src/testing.rs", "web/src/http/health.rs"];
    let mut offenders = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("tests") {
                    stack.push(path);
                }
                continue;
            }
            let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
            if !rel.ends_with(".rs") || !rel.contains("/src/") || allowed.contains(&rel.as_str()) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for needle in ["Utc::now(", "SystemTime::now(", "Local::now(", "Instant::now("] {
                if text.contains(needle) {
                    offenders.push(format!("{rel}: {needle}"));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "read the clock through domain::clock instead: {offenders:?}"
    );
}
