//! The architecture invariants from ARCHITECTURE.md that the crate boundary alone does not keep.
//!
//! The pure core is its own crate (`cstw-core`), so the compiler refuses any `leptos` or
//! `web_sys` in its code as long as its manifest does not list them. What is left to check: that
//! no browser crate enters the core's dependency tree (directly or through another crate); that
//! the Web Worker's own code (the split point `worker` of the app's wasm, which the worker runs)
//! names the core's jobs only, never the UI; and that the page reaches the jobs only through
//! that split point.

use std::path::Path;

/// Crates that only make sense in a browser page or bind to one.
const BROWSER_CRATES: [&str; 6] = [
    "leptos",
    "web-sys",
    "wasm-bindgen",
    "js-sys",
    "gloo-",
    "reactive_graph",
];

#[test]
fn no_browser_crate_is_in_the_cores_dependency_tree() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--locked",
            "-p",
            "cstw-core",
            "-e",
            "normal",
        ])
        .args(["--target", "all", "--prefix", "none", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tree = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        tree.lines().any(|l| l.starts_with("cstw-core "))
            && tree.lines().any(|l| l.starts_with("serde ")),
        "cargo tree listed the core and its dependencies:\n{tree}"
    );
    let browser: Vec<_> = tree
        .lines()
        .filter(|l| BROWSER_CRATES.iter().any(|b| l.starts_with(b)))
        .collect();
    assert!(
        browser.is_empty(),
        "browser crates in the core's tree:\n{}",
        browser.join("\n")
    );
}

/// The text of `path` (from the crate's root) without its comments, line by line.
fn code(path: &str) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path))
        .unwrap()
        .lines()
        .map(|l| l.split("//").next().unwrap_or_default().to_string())
        .collect()
}

/// Whether a line of code names the UI: the UI framework or the page's UI code.
fn names_the_ui(line: &str) -> bool {
    line.contains("leptos")
        || line.contains("::ui::")
        || line.contains("crate::ui")
        || line.contains("view!")
}

/// The Web Worker runs the app's own main module (a module worker, `src/main.rs`), but its own
/// code, what the split point `worker` loads, names the pure core's jobs only, never the UI: so
/// the worker's part (`split_worker.wasm`; `tools/size_breakdown.sh` lists what it holds) has
/// no UI code, and the worker's `main` mounts nothing.
#[test]
fn the_workers_code_never_uses_the_ui() {
    let worker = code("src/worker.rs");
    assert!(
        worker.iter().any(|l| l.contains("cstw_core::jobs")),
        "the worker runs the core's jobs"
    );
    for line in &worker {
        assert!(
            !names_the_ui(line) && !line.contains("cst_workbench"),
            "src/worker.rs uses the UI: {line}"
        );
    }
    // In src/main.rs: the split point `worker`, and what `main` does in a worker.
    let main = code("src/main.rs");
    let block = |start: &str, end: &str| -> Vec<String> {
        let from = main
            .iter()
            .position(|l| l.contains(start))
            .unwrap_or_else(|| panic!("src/main.rs has `{start}`"));
        let to = from
            + main[from..]
                .iter()
                .position(|l| l.contains(end))
                .unwrap_or_else(|| panic!("src/main.rs ends `{start}` with `{end}`"));
        main[from..=to].to_vec()
    };
    let split = block("fn worker()", "}");
    let in_worker = block("worker::scope()", "return;");
    assert!(
        split
            .iter()
            .any(|l| l.contains("cst_workbench::worker::serve()")),
        "the split point `worker` serves the jobs: {split:?}"
    );
    for line in split.iter().chain(&in_worker) {
        assert!(!names_the_ui(line), "the worker uses the UI: {line}");
    }
}

/// The page never calls the worker's code by name: the jobs are reached only from the split
/// point `worker`, so they stay out of the home page's main module and the sections' parts.
#[test]
fn the_page_never_calls_the_workers_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("src/ui"), root.join("src/persist")];
    let mut seen = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                seen += 1;
                let text = std::fs::read_to_string(&path).unwrap();
                for line in text.lines() {
                    let line = line.split("//").next().unwrap_or_default();
                    assert!(
                        !line.contains("crate::worker") && !line.contains("jobs::run"),
                        "{} calls the worker's code: {line}",
                        path.display()
                    );
                }
            }
        }
    }
    assert!(seen > 50, "read the UI's files ({seen})");
}
