//! The QR code on the projector really reads back as the join address: the module matrix is
//! painted to a PNG (as the UI will paint it) and decoded by zbarimg, a real QR reader. Also the
//! network address list the facilitator picks from.

use std::net::{IpAddr, Ipv4Addr};
use std::process::Command;

use goldthread::room::{NetworkKind, QrMatrix, Room, RoomConfig, RoomView, candidate_addresses};
use resvg::tiny_skia::{Color, Paint, Pixmap, Rect, Transform};

/// Paints `qr` at `scale` pixels a module with a four-module quiet zone.
fn paint(qr: &QrMatrix, scale: usize) -> Pixmap {
    let side = (qr.width() + 8) * scale;
    let Some(mut pixmap) = Pixmap::new(side as u32, side as u32) else {
        panic!("a {side}px square pixmap");
    };
    pixmap.fill(Color::WHITE);
    let mut ink = Paint::default();
    ink.set_color(Color::BLACK);
    for y in 0..qr.width() {
        for x in 0..qr.width() {
            if !qr.is_dark(x, y) {
                continue;
            }
            let (px, py) = ((x + 4) * scale, (y + 4) * scale);
            let Some(rect) = Rect::from_xywh(px as f32, py as f32, scale as f32, scale as f32)
            else {
                continue;
            };
            pixmap.fill_rect(rect, &ink, Transform::identity(), None);
        }
    }
    pixmap
}

#[test]
fn the_qr_code_decodes_to_the_join_address() {
    let config = RoomConfig {
        port: Some(0),
        ..RoomConfig::new(IpAddr::V4(Ipv4Addr::LOCALHOST))
    };
    let room = Room::open(config, RoomView::default(), || {}).unwrap();
    let url = room.join_url();
    let qr = QrMatrix::encode(&url).unwrap();
    let path = std::env::temp_dir().join(format!("goldthread-room-qr-{}.png", std::process::id()));
    paint(&qr, 6).save_png(&path).unwrap();

    let decoded = Command::new("zbarimg")
        .args(["--raw", "-q"])
        .arg(&path)
        .output();
    let _ = std::fs::remove_file(&path);
    let Ok(decoded) = decoded else {
        eprintln!(
            "SKIPPED: zbarimg is not installed (Debian package zbar-tools; .ci/run installs it)"
        );
        return;
    };
    assert!(
        decoded.status.success(),
        "zbarimg found no code: {}",
        String::from_utf8_lossy(&decoded.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&decoded.stdout).trim(), url);
}

#[test]
fn the_address_list_never_offers_loopback_beside_a_real_network() {
    let list = candidate_addresses();
    assert!(
        !list.is_empty(),
        "this machine has at least a loopback address"
    );
    if list.iter().any(|a| a.kind != NetworkKind::Loopback) {
        assert!(list.iter().all(|a| !a.ip.is_loopback()), "{list:?}");
    }
    for address in &list {
        assert!(address.describe().contains(&address.ip.to_string()));
    }
}
