//! Export controls every canvas has: the PNG's size (1×–4×) and background, and a PNG drawn
//! from SVG, given its data to carry, then downloaded, with a notice either way.

use leptos::prelude::*;

use super::notice::Notice;
use crate::ui::browser::{download_bytes, svg_to_png};

/// The PNG options: scale and a white background (or transparent).
#[derive(Clone, Copy)]
pub struct PngOptions {
    pub scale: RwSignal<u8>,
    pub white: RwSignal<bool>,
}

impl PngOptions {
    pub fn new() -> PngOptions {
        PngOptions {
            scale: RwSignal::new(2),
            white: RwSignal::new(true),
        }
    }

    /// Draws `svg` (`w` × `h`) as a PNG at the chosen scale and background, lets `carry`
    /// embed what the PNG must hold to open again, and downloads it as `file`. The notice says
    /// "Drawing …" meanwhile, then what happened.
    pub fn download(
        &self,
        notice: Notice,
        file: String,
        svg: String,
        (w, h): (f64, f64),
        carry: impl FnOnce(&[u8]) -> Result<Vec<u8>, String> + 'static,
    ) {
        let (s, bg) = (self.scale.get_untracked(), self.white.get_untracked());
        notice.ok(format!("Drawing \u{201c}{file}\u{201d}\u{2026}"));
        leptos::task::spawn_local(async move {
            let done = async {
                let png = svg_to_png(&svg, w, h, f64::from(s), bg).await?;
                let png = carry(&png)?;
                download_bytes(&file, &png, "image/png")
            };
            notice.downloaded(&file, done.await, "The PNG could not be made");
        });
    }
}

impl Default for PngOptions {
    fn default() -> PngOptions {
        PngOptions::new()
    }
}

/// The PNG size and background controls.
#[component]
pub fn PngControls(options: PngOptions) -> impl IntoView {
    let PngOptions { scale, white } = options;
    view! {
        <div class="row">
            <label>"PNG size "
                <select on:change=move |e| scale.set(event_target_value(&e).parse().unwrap_or(2))>
                    {[1u8, 2, 3, 4].into_iter().map(|s| view! {
                        <option value=s.to_string() selected=s == 2>{format!("{s}\u{d7}")}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="check"><input type="checkbox" prop:checked=move || white.get()
                on:change=move |e| white.set(event_target_checked(&e)) />" White background"</label>
        </div>
    }
}
