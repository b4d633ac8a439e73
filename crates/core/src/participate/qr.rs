//! QR codes as SVG, and fitting an invitation into a code a phone can read off a projector.
//!
//! Error correction is level M (about 15 % of the code can be lost). A projected code is
//! whole but blurred, keystoned and washed out by room light, so it needs some redundancy;
//! levels Q and H would make the same text a denser code, with smaller modules that are harder
//! to read from the back of a room. Responses shown on a phone use M too (glare on glass).
//!
//! Distance: a code of version 15 is 77 modules wide, 85 with its quiet zone. Projected 1.5 m
//! tall, a module is about 18 mm; a phone's main camera at 5 m sees a frame about 6.4 m wide,
//! so on a 1080p preview a module spans about 5 pixels, where decoders need 2 to 3. Invites are
//! kept at version 15 or below ([`MAX_PROJECTED_VERSION`]): compressed first, then without the
//! element descriptions, and only then flagged as too dense.

use qrcode::{Color, EcLevel, QrCode, Version};

use super::invite::ScoringInvite;

/// The largest QR version an invitation may take on the projector.
pub const MAX_PROJECTED_VERSION: i16 = 15;
/// The quiet zone around a code, in modules (the standard asks for 4).
pub const QUIET_ZONE: usize = 4;

/// A QR code ready to draw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qr {
    /// A standalone SVG, black modules on white, with the quiet zone.
    pub svg: String,
    /// 1 to 40.
    pub version: i16,
    /// Modules across, without the quiet zone.
    pub width: usize,
}

/// The QR code of `text` at level M, or `None` if the text is too long for any QR code.
pub fn qr(text: &str) -> Option<Qr> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let version = match code.version() {
        Version::Normal(v) => v,
        Version::Micro(_) => return None,
    };
    let width = code.width();
    let colors = code.to_colors();
    let size = width + 2 * QUIET_ZONE;
    // One path: each run of dark modules in a row is one rectangle.
    let mut d = String::new();
    for y in 0..width {
        let row = &colors[y * width..(y + 1) * width];
        let mut x = 0;
        while x < width {
            if row[x] == Color::Dark {
                let start = x;
                while x < width && row[x] == Color::Dark {
                    x += 1;
                }
                d.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" \
         shape-rendering=\"crispEdges\" aria-hidden=\"true\" focusable=\"false\">\
         <rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/>\
         <path fill=\"#000000\" d=\"{d}\"/></svg>"
    );
    Some(Qr {
        svg,
        version,
        width,
    })
}

/// An invitation fitted for the projector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fitted {
    /// The join address (`<folder>join.html#/join/<code>`).
    pub address: String,
    pub qr: Option<Qr>,
    /// The element descriptions had to be left out.
    pub descriptions_dropped: bool,
    /// Even without descriptions the code is denser than [`MAX_PROJECTED_VERSION`]: phones
    /// must come closer (or use the link).
    pub too_dense: bool,
}

/// The folder the app is served from, from an address of it (`https://host/app/index.html`,
/// `…/join.html` or `…/app/`, with any query or fragment): `https://host/app/`.
pub fn app_folder(base: &str) -> String {
    let base = base.split(['#', '?']).next().unwrap_or_default();
    let path_from = base.find("://").map_or(0, |at| at + 3);
    match base[path_from..].rfind('/') {
        Some(at) => base[..path_from + at + 1].to_string(),
        None => format!("{base}/"),
    }
}

/// The join address of an invitation at `base` (an address of the app): the phone page,
/// `join.html`, which loads only what a phone needs. (Older invitations point at the app's own
/// page, `<base>#/join/<code>`; it sends them on to `join.html`.)
pub fn join_address(base: &str, code: &str) -> String {
    format!("{}join.html#/join/{code}", app_folder(base))
}

/// The response address at `base`: the facilitator's app (not the phone page), which collects it.
pub fn response_address(base: &str, code: &str) -> String {
    format!("{}#/response/{code}", app_folder(base))
}

/// Fits a scoring invitation: as it is (compressed where that is shorter), else without the
/// element descriptions, else as it is and flagged too dense.
pub fn fit_invite(base: &str, invite: &ScoringInvite) -> Fitted {
    let fits = |q: &Option<Qr>| {
        q.as_ref()
            .is_some_and(|q| q.version <= MAX_PROJECTED_VERSION)
    };
    let address = join_address(base, &invite.encode());
    let code = qr(&address);
    if fits(&code) {
        return Fitted {
            address,
            qr: code,
            descriptions_dropped: false,
            too_dense: false,
        };
    }
    let short = invite.without_descriptions();
    let address = join_address(base, &short.encode());
    let code = qr(&address);
    Fitted {
        too_dense: !fits(&code),
        address,
        qr: code,
        descriptions_dropped: short.descriptions_dropped,
    }
}

/// Fits any address (a boundary invitation): the code and whether it is too dense to project.
pub fn fit_address(address: String) -> Fitted {
    let code = qr(&address);
    Fitted {
        too_dense: code
            .as_ref()
            .is_none_or(|q| q.version > MAX_PROJECTED_VERSION),
        address,
        qr: code,
        descriptions_dropped: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invitations_open_the_phone_page_and_responses_the_app() {
        for base in [
            "http://192.168.1.20:8080/",
            "http://192.168.1.20:8080/index.html?x=1#/w/abc",
            "http://192.168.1.20:8080/join.html#/join/old",
        ] {
            assert_eq!(
                join_address(base, "AbC"),
                "http://192.168.1.20:8080/join.html#/join/AbC"
            );
            assert_eq!(
                response_address(base, "AbC"),
                "http://192.168.1.20:8080/#/response/AbC"
            );
        }
        assert_eq!(
            app_folder("https://host/app/index.html"),
            "https://host/app/"
        );
        assert_eq!(app_folder("http://10.0.0.2:8080"), "http://10.0.0.2:8080/");
    }
}
