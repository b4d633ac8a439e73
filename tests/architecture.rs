//! The architecture invariants from ARCHITECTURE.md that the crate boundary alone does not keep.
//!
//! The pure core is its own crate (`cstw-core`), so the compiler refuses any `leptos` or
//! `web_sys` in its code as long as its manifest does not list them. What is left to check: that
//! no browser crate enters the core's dependency tree (directly or through another crate), and
//! that the Web Worker, a binary of this web crate, links the core only, never the UI.

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

/// The Web Worker links the pure core only: never the UI framework or the page's UI code.
#[test]
fn the_worker_never_uses_the_ui() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("src/bin/cstw-worker.rs")).unwrap();
    assert!(
        text.contains("cstw_core::jobs"),
        "the worker runs the core's jobs"
    );
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        assert!(
            !code.contains("leptos") && !code.contains("::ui::") && !code.contains("cst_workbench"),
            "the worker uses the UI: {line}"
        );
    }
}
