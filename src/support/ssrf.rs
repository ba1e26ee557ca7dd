//! Outbound webhook targets may not reach loopback, private, link-local or other internal
//! addresses (unless `BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true`). Names are checked when they are
//! resolved, by the HTTP client's own resolver, so a DNS answer cannot slip past the check.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

pub fn is_public_v4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || o[0] == 0
        || (o[0] == 100 && (o[1] & 0xC0) == 64) // 100.64.0.0/10 carrier-grade NAT
        || (o[0] == 192 && o[1] == 0 && o[2] == 0) // 192.0.0.0/24 protocol assignments
        || (o[0] == 198 && (o[1] & 0xFE) == 18) // 198.18.0.0/15 benchmarking
        || o[0] >= 240)
}

pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public_v4(v4);
            }
            let seg = v6.segments();
            // Translation and tunnel prefixes carry an IPv4 address that a gateway reaches on
            // our behalf, private ones included: refused whatever they embed.
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (seg[0] & 0xFE00) == 0xFC00 // fc00::/7 unique local
                || (seg[0] & 0xFFC0) == 0xFE80 // fe80::/10 link local
                || (seg[0] & 0xFFC0) == 0xFEC0 // fec0::/10 site local (deprecated)
                || (seg[0] == 0x2001 && seg[1] == 0x0db8) // documentation
                || (seg[0] == 0x3FFF && (seg[1] & 0xF000) == 0) // 3fff::/20 documentation
                || seg[..4] == [0x100, 0, 0, 0] // 100::/64 discard-only
                // 2001::/23 IETF protocol assignments: Teredo (2001::/32, which reaches an IPv4
                // address through a relay), benchmarking, ORCHID, AMT, AS112…
                || (seg[0] == 0x2001 && seg[1] < 0x0200)
                || seg[0] == 0x5F00 // 5f00::/16 SRv6 segment identifiers
                || seg[..6] == [0; 6] // ::/96 IPv4-compatible (with :: and ::1)
                || seg[..6] == [0x64, 0xff9b, 0, 0, 0, 0] // 64:ff9b::/96 NAT64
                || seg[..3] == [0x64, 0xff9b, 1] // 64:ff9b:1::/48 local-use NAT64
                || seg[0] == 0x2002 // 2002::/16 6to4
                || v6 == Ipv6Addr::UNSPECIFIED)
        }
    }
}

/// Why a URL may not be a webhook target, judged without DNS (scheme, literal addresses, names
/// like `localhost`); `None` when it may be tried.
pub fn refuse_url(url: &str, allow_private: bool) -> Option<String> {
    let u = url::Url::parse(url).ok()?;
    if !matches!(u.scheme(), "http" | "https") {
        return Some("the webhook URL must be http(s)".into());
    }
    if allow_private {
        return None;
    }
    // Checked again at each delivery: a URL stored before the https rule is refused there too.
    if u.scheme() == "http" {
        return Some(
            "plain http is refused (allowed only with BRIDGE_ALLOW_PRIVATE_WEBHOOK_URLS=true)"
                .into(),
        );
    }
    match u.host() {
        Some(url::Host::Ipv4(ip)) if !is_public_v4(ip) => {
            Some(format!("{ip} is not a public address"))
        }
        Some(url::Host::Ipv6(ip)) if !is_public(IpAddr::V6(ip)) => {
            Some(format!("{ip} is not a public address"))
        }
        Some(url::Host::Domain(d))
            if d.eq_ignore_ascii_case("localhost") || d.ends_with(".localhost") =>
        {
            Some(format!("{d} is not a public host"))
        }
        _ => None,
    }
}

/// A resolver that drops non-public addresses, and fails when none is left.
pub struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| is_public(a.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(format!("{host} resolves to no public address; refused").into());
            }
            let it: Addrs = Box::new(addrs.into_iter());
            Ok(it)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_addresses() {
        for bad in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
        ] {
            assert!(!is_public(bad.parse().unwrap()), "{bad}");
        }
        for good in ["93.184.216.34", "1.1.1.1", "2606:4700::1111"] {
            assert!(is_public(good.parse().unwrap()), "{good}");
        }
        assert!(refuse_url("http://127.0.0.1:9/x", false).is_some());
        assert!(refuse_url("http://[::1]/x", false).is_some());
        assert!(refuse_url("http://localhost/x", false).is_some());
        assert!(refuse_url("http://127.0.0.1:9/x", true).is_none());
        assert!(refuse_url("https://partner.example/hooks", false).is_none());
    }

    /// The rest of IANA's IPv6 special-purpose registry that is not globally reachable.
    #[test]
    fn ipv6_special_purpose_ranges_are_refused() {
        refused(&[
            "2001::1",                              // Teredo
            "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo to a private IPv4 behind it
            "2001:2::1",                            // benchmarking
            "2001:10::1",                           // ORCHID
            "2001:20::1",                           // ORCHIDv2
            "2001:1ff::1",                          // the end of 2001::/23
            "100::1",                               // discard-only
            "3fff::1",                              // documentation (2024)
            "3fff:fff::1",
            "5f00::1", // SRv6 SIDs
        ]);
        for good in [
            "2001:200::1",
            "2001:4860:4860::8888",
            "2620:fe::fe",
            "3ffe::1",
        ] {
            assert!(is_public(good.parse().unwrap()), "{good}");
        }
        assert!(refuse_url("https://[2001::1]/hooks", false).is_some());
    }

    /// A URL stored as http before the https rule is refused when a delivery is sent.
    #[test]
    fn plain_http_is_refused_unless_private_urls_are_allowed() {
        assert!(refuse_url("http://partner.example/hooks", false).is_some());
        assert!(refuse_url("http://partner.example/hooks", true).is_none());
        assert!(refuse_url("https://partner.example/hooks", false).is_none());
    }

    fn refused(addrs: &[&str]) {
        for a in addrs {
            let ip: IpAddr = a.parse().unwrap();
            assert!(!is_public(ip), "{a} is refused");
            assert!(
                refuse_url(&format!("https://[{a}]/hooks"), false).is_some(),
                "https://[{a}]/hooks is refused"
            );
            assert!(refuse_url(&format!("https://[{a}]/hooks"), true).is_none());
        }
    }

    #[test]
    fn nat64_is_refused_whatever_it_embeds() {
        // 64:ff9b::/96 (RFC 6052) and the local-use 64:ff9b:1::/48 (RFC 8215).
        refused(&[
            "64:ff9b::127.0.0.1",
            "64:ff9b::10.0.0.1",
            "64:ff9b::8.8.8.8",
            "64:ff9b::",
            "64:ff9b::ffff:ffff",
            "64:ff9b:1::a00:1",
            "64:ff9b:1:ffff:ffff:ffff:ffff:ffff",
        ]);
    }

    #[test]
    fn six_to_four_is_refused_whatever_it_embeds() {
        // 2002:AABB:CCDD::/48 tunnels to the IPv4 address AA.BB.CC.DD.
        refused(&[
            "2002:7f00:1::1",
            "2002:a9fe:a9fe::",
            "2002:808:808::1",
            "2002::",
        ]);
        refused(&["2002:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]);
        assert!(is_public("2003::1".parse().unwrap()), "just past 2002::/16");
        assert!(is_public("2001:4860:4860::8888".parse().unwrap()));
    }

    #[test]
    fn ipv4_compatible_addresses_are_refused() {
        // ::a.b.c.d, the deprecated IPv4-compatible form, including :: and ::1.
        refused(&[
            "::127.0.0.1",
            "::10.0.0.1",
            "::169.254.169.254",
            "::8.8.8.8",
            "::",
            "::1",
            "::ffff",
        ]);
    }

    #[test]
    fn site_local_is_refused() {
        // fec0::/10, deprecated but still routed inside some networks.
        refused(&["fec0::1", "fed0::1", "feff:ffff::1"]);
    }

    #[test]
    fn ipv4_mapped_addresses_are_judged_by_the_ipv4_address() {
        refused(&[
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "::ffff:100.64.0.1",
            "::ffff:0.0.0.0",
        ]);
        assert!(is_public("::ffff:93.184.216.34".parse().unwrap()));
        assert!(refuse_url("https://[::ffff:93.184.216.34]/hooks", false).is_none());
    }
}
