//! The architecture invariant from ARCHITECTURE.md, checked: the pure core never names the
//! browser or the UI framework, so it keeps compiling and testing natively.

use std::path::{Path, PathBuf};

/// Where browser code is allowed (the Web Worker's entry point is browser glue like `main.rs`).
const BROWSER_SIDE: [&str; 4] = [
    "src/ui",
    "src/main.rs",
    "src/persist/browser.rs",
    "src/bin/cstw-worker.rs",
];
const BROWSER_CRATES: [&str; 5] = ["leptos", "web_sys", "gloo_", "wasm_bindgen", "js_sys"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_never_uses_browser_or_ui_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let core: Vec<_> = files
        .iter()
        .filter(|f| {
            let rel = f
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            !BROWSER_SIDE.iter().any(|b| rel.starts_with(b))
        })
        .collect();
    assert!(
        core.len() >= 8,
        "the core should hold the model, persist format, history, …"
    );
    let mut offences = Vec::new();
    for file in core {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for krate in BROWSER_CRATES {
                if code.contains(krate) {
                    offences.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "browser code in the core:\n{}",
        offences.join("\n")
    );
}

/// The Web Worker links the pure core only: never the UI framework or the page's UI code.
#[test]
fn the_worker_never_uses_the_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("src/bin/cstw-worker.rs")).unwrap();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        assert!(
            !code.contains("leptos") && !code.contains("::ui::"),
            "the worker uses the UI: {line}"
        );
    }
}
