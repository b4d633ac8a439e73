//! The live room is off by default (issue 25): a build without the `live` feature has no sync
//! code in its dependency tree and a CSP that connects to its own origin only; a build with it
//! names its relay in `CSTW_RELAY`, and the CSP's `connect-src` lists exactly that origin.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The web crate's normal dependencies for wasm, with or without the live feature.
fn tree(features: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--locked",
            "-p",
            "cst-workbench",
            "-e",
            "normal",
        ])
        .args(["--target", "wasm32-unknown-unknown", "--prefix", "none"])
        .args(features)
        .arg("--manifest-path")
        .arg(root().join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn has(tree: &str, name: &str) -> bool {
    tree.lines().any(|l| l.starts_with(&format!("{name} ")))
}

#[test]
fn only_the_live_feature_brings_the_sync_code() {
    let plain = tree(&[]);
    assert!(has(&plain, "leptos"), "the tree was listed:\n{plain}");
    for name in ["cstw-sync", "yrs", "aes-gcm", "p256"] {
        assert!(
            !has(&plain, name),
            "{name} is in a build without the live feature"
        );
    }
    let live = tree(&["--features", "live"]);
    for name in ["cstw-sync", "yrs", "aes-gcm", "p256"] {
        assert!(has(&live, name), "{name} is missing from the live build");
    }
}

/// Runs tools/csp.py on a minimal page with `relay` as CSTW_RELAY; its connect-src, or the
/// script's refusal.
fn csp(relay: Option<&str>) -> Result<String, String> {
    let dir = std::env::temp_dir().join(format!("cstw-live-csp-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join(format!("index-{}.html", relay.map_or(0, str::len)));
    std::fs::write(
        &page,
        "<html><head><meta charset=\"utf-8\"><script>boot()</script></head></html>",
    )
    .unwrap();
    let mut cmd = Command::new("python3");
    cmd.arg(root().join("tools/csp.py")).arg(&page);
    match relay {
        Some(r) => cmd.env("CSTW_RELAY", r),
        None => cmd.env_remove("CSTW_RELAY"),
    };
    let out = cmd.output().expect("python3 runs");
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    let html = std::fs::read_to_string(&page).unwrap();
    let connect = html
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("connect-src"))
        .expect("a connect-src")
        .to_string();
    Ok(connect)
}

#[test]
fn the_csp_connects_to_the_named_relay_only() {
    assert_eq!(csp(None).unwrap(), "connect-src 'self'");
    assert_eq!(csp(Some("")).unwrap(), "connect-src 'self'");
    assert_eq!(
        csp(Some("ws://127.0.0.1:1234")).unwrap(),
        "connect-src 'self' ws://127.0.0.1:1234"
    );
    assert_eq!(
        csp(Some("wss://relay.example.org/")).unwrap(),
        "connect-src 'self' wss://relay.example.org"
    );
    for bad in [
        "ws://x; script-src *",
        "https://relay.example.org",
        "ws://relay.example.org/room",
        "ws://a b",
        "*",
    ] {
        assert!(csp(Some(bad)).is_err(), "{bad:?} was accepted");
    }
}
