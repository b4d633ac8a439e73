//! The participant's page on a phone (`join.html#/join/<code>`): its own small wasm binary, so
//! a phone on mobile data downloads the phone page alone, never the facilitator's app (see
//! ARCHITECTURE.md, "The phone page's own binary"). It mounts only the phone page
//! (`ui::phone`: scoring and boundary answers, written against web-sys without Leptos) over the
//! pure `participate` core.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        cst_workbench::ui::crash::stopped();
    }));
    cst_workbench::ui::phone::mount();
}
