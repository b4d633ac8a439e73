//! Browser entry point: install the panic hook and mount the app. Nothing else lives here.

fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        cst_workbench::ui::crash::stopped();
    }));
    leptos::mount::mount_to_body(cst_workbench::ui::App);
}
