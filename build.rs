//! Keeps the linker's relocations in the app's wasm (`--emit-relocs`), which wasm-split reads to
//! cut it into parts loaded on demand (tools/app_build.sh; ARCHITECTURE.md, "First load").
//! Passed to the final link of the app's binary only, so no dependency is rebuilt for it and
//! the worker, the phone page and native builds link as before.
fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=cst-workbench=--emit-relocs");
    }
}
