//! The laptop's network addresses the room could listen on, named so the facilitator can tell
//! wifi from ethernet from the laptop's own hotspot.

use std::net::IpAddr;

/// What kind of network an interface is, guessed from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NetworkKind {
    /// The laptop's own hotspot (phones join the laptop's network).
    Hotspot,
    /// Wireless.
    Wifi,
    /// A cable.
    Ethernet,
    /// Something else (a VPN, a virtual machine bridge): listed last.
    Other,
    /// This computer only: phones cannot reach it. Offered only when nothing else exists.
    Loopback,
}

impl NetworkKind {
    /// A word for the kind, for the address list.
    pub fn label(self) -> &'static str {
        match self {
            Self::Hotspot => "Hotspot",
            Self::Wifi => "Wi-Fi",
            Self::Ethernet => "Ethernet",
            Self::Other => "Other",
            Self::Loopback => "This computer only",
        }
    }
}

/// One address the room could listen on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NetworkAddress {
    /// The interface name ("wlan0", "Wi-Fi", "en0").
    pub interface: String,
    /// Its kind.
    pub kind: NetworkKind,
    /// The address.
    pub ip: IpAddr,
}

impl NetworkAddress {
    /// "Wi-Fi (wlan0): 192.168.1.20" for the address picker.
    pub fn describe(&self) -> String {
        format!("{} ({}): {}", self.kind.label(), self.interface, self.ip)
    }
}

/// Guesses an interface's kind from its name on Linux, macOS and Windows.
pub fn classify(name: &str, loopback: bool) -> NetworkKind {
    if loopback {
        return NetworkKind::Loopback;
    }
    let n = name.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    let starts = |words: &[&str]| words.iter().any(|w| n.starts_with(w));
    if has(&["hotspot", "local area connection*", "bridge100"]) || starts(&["ap", "uap", "p2p"]) {
        NetworkKind::Hotspot
    } else if has(&[
        "docker",
        "veth",
        "virbr",
        "vmnet",
        "vbox",
        "tailscale",
        "zt",
        "utun",
        "tun",
        "tap",
    ]) || starts(&["br-"])
    {
        NetworkKind::Other
    } else if has(&["wi-fi", "wifi", "wlan", "wireless"]) || starts(&["wl", "ath"]) {
        NetworkKind::Wifi
    } else if has(&["ethernet"]) || starts(&["eth", "en"]) {
        NetworkKind::Ethernet
    } else {
        NetworkKind::Other
    }
}

/// Orders `found` for the picker: IPv4 before IPv6, then hotspot, wifi, ethernet, other;
/// link-local addresses dropped (phones cannot use them in an address bar); loopback kept only
/// when nothing else is left.
pub fn rank(found: Vec<(String, IpAddr)>) -> Vec<NetworkAddress> {
    let mut list: Vec<NetworkAddress> = found
        .into_iter()
        .filter(|(_, ip)| !is_link_local(ip))
        .map(|(interface, ip)| NetworkAddress {
            kind: classify(&interface, ip.is_loopback()),
            interface,
            ip,
        })
        .collect();
    if list.iter().any(|a| a.kind != NetworkKind::Loopback) {
        list.retain(|a| a.kind != NetworkKind::Loopback);
    }
    list.sort_by_key(|a| (a.ip.is_ipv6(), a.kind, a.interface.clone(), a.ip));
    list.dedup();
    list
}

/// Is `ip` link-local (169.254/16, fe80::/10)?
fn is_link_local(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => v4.is_link_local(),
        IpAddr::V6(v6) => (v6.segments()[0] & 0xffc0) == 0xfe80,
    }
}

/// The addresses the room could listen on, best first. Empty only when the system cannot list
/// its interfaces at all.
pub fn candidate_addresses() -> Vec<NetworkAddress> {
    let Ok(interfaces) = if_addrs::get_if_addrs() else {
        return Vec::new();
    };
    rank(
        interfaces
            .into_iter()
            .map(|i| (i.name.clone(), i.ip()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, Ipv6Addr};

    #[test]
    fn names_are_classified() {
        assert_eq!(classify("wlan0", false), NetworkKind::Wifi);
        assert_eq!(classify("wlp3s0", false), NetworkKind::Wifi);
        assert_eq!(classify("Wi-Fi", false), NetworkKind::Wifi);
        assert_eq!(classify("enp0s31f6", false), NetworkKind::Ethernet);
        assert_eq!(classify("eth0", false), NetworkKind::Ethernet);
        assert_eq!(
            classify("Local Area Connection* 2", false),
            NetworkKind::Hotspot
        );
        assert_eq!(classify("bridge100", false), NetworkKind::Hotspot);
        assert_eq!(classify("ap0", false), NetworkKind::Hotspot);
        assert_eq!(classify("docker0", false), NetworkKind::Other);
        assert_eq!(classify("lo", true), NetworkKind::Loopback);
    }

    #[test]
    fn loopback_only_when_nothing_else_and_link_local_dropped() {
        let lo = ("lo".to_owned(), IpAddr::V4(Ipv4Addr::LOCALHOST));
        let wifi = (
            "wlan0".to_owned(),
            IpAddr::V4(Ipv4Addr::new(192, 168, 1, 20)),
        );
        let eth = ("eth0".to_owned(), IpAddr::V4(Ipv4Addr::new(10, 0, 0, 5)));
        let ll = (
            "eth0".to_owned(),
            IpAddr::V6(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 1)),
        );
        let ranked = rank(vec![lo.clone(), eth, ll, wifi]);
        let kinds: Vec<NetworkKind> = ranked.iter().map(|a| a.kind).collect();
        assert_eq!(kinds, vec![NetworkKind::Wifi, NetworkKind::Ethernet]);
        assert_eq!(ranked[0].describe(), "Wi-Fi (wlan0): 192.168.1.20");
        let alone = rank(vec![lo]);
        assert_eq!(alone.len(), 1);
        assert_eq!(alone[0].kind, NetworkKind::Loopback);
    }
}
