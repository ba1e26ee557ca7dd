//! TLS for the bridge's HTTP clients (Intervals.icu, tenants' webhooks): rustls with the ring
//! provider and the system's root certificates. The roots are read once per process and the
//! clients share them, rather than each client parsing its own copy.

use std::sync::{Arc, OnceLock};

use rustls::{ClientConfig, RootCertStore};

/// The clients' TLS settings, for `reqwest::ClientBuilder::use_preconfigured_tls`: a copy of the
/// one configuration, sharing its root store.
pub fn client_config() -> ClientConfig {
    static CONFIG: OnceLock<ClientConfig> = OnceLock::new();
    CONFIG.get_or_init(|| with_roots(system_roots())).clone()
}

/// The system's root certificates (where OpenSSL would look: `SSL_CERT_FILE`, `SSL_CERT_DIR`,
/// then the distribution's bundle).
fn system_roots() -> RootCertStore {
    let found = rustls_native_certs::load_native_certs();
    for e in &found.errors {
        log::warn!("system root certificates: {e}");
    }
    let mut roots = RootCertStore::empty();
    let (added, unusable) = roots.add_parsable_certificates(found.certs);
    if added == 0 {
        log::warn!(
            "no usable system root certificate ({unusable} unusable): HTTPS calls will fail \
             (install the ca-certificates package, or set SSL_CERT_FILE)"
        );
    }
    roots
}

/// ring's cryptography. rustls now marks it deprecated (it lacks the post-quantum key exchange
/// of the aws-lc-rs provider), but aws-lc-rs would add a large C build that wants cmake; ring
/// builds with the C compiler alone, and reqwest uses it too.
#[allow(deprecated)]
pub(crate) fn ring() -> rustls::crypto::CryptoProvider {
    rustls::crypto::ring::default_provider()
}

/// TLS 1.2 and 1.3, server certificates verified against `roots`, HTTP/1.1 (the clients do not
/// speak HTTP/2).
pub(crate) fn with_roots(roots: RootCertStore) -> ClientConfig {
    let provider = Arc::new(ring());
    let mut config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    config
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    // A test CA and a certificate it signed for `localhost` and 127.0.0.1, valid until 2126.
    const CA: &str = include_str!("tls_test/ca.pem");
    const SERVER_CERT: &str = include_str!("tls_test/server.pem");
    const SERVER_KEY: &str = include_str!("tls_test/server.key");

    /// An HTTPS server on loopback that answers every connection `200 ok`; its address.
    async fn https_server() -> std::net::SocketAddr {
        let certs = CertificateDer::pem_slice_iter(SERVER_CERT.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        let key = PrivateKeyDer::from_pem_slice(SERVER_KEY.as_bytes()).unwrap();
        let config = rustls::ServerConfig::builder_with_provider(Arc::new(ring()))
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(certs, key)
            .unwrap();
        let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            loop {
                let Ok((tcp, _)) = listener.accept().await else {
                    return;
                };
                let acceptor = acceptor.clone();
                tokio::spawn(async move {
                    // A failed handshake (the client refused the certificate) ends here.
                    let Ok(mut tls) = acceptor.accept(tcp).await else {
                        return;
                    };
                    let mut request = Vec::new();
                    let mut buf = [0u8; 1024];
                    while !request.windows(4).any(|w| w == b"\r\n\r\n") {
                        match tls.read(&mut buf).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => request.extend_from_slice(&buf[..n]),
                        }
                    }
                    let _ = tls
                        .write_all(
                            b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nconnection: close\r\n\r\nok",
                        )
                        .await;
                    let _ = tls.shutdown().await;
                });
            }
        });
        addr
    }

    fn client(config: ClientConfig) -> reqwest::Client {
        reqwest::Client::builder()
            .use_preconfigured_tls(config)
            .no_proxy()
            .build()
            .unwrap()
    }

    #[tokio::test]
    async fn a_client_with_the_shared_settings_speaks_https_and_verifies_the_server() {
        let addr = https_server().await;
        let url = format!("https://localhost:{}/", addr.port());

        let mut trusted = RootCertStore::empty();
        let ca = CertificateDer::from_pem_slice(CA.as_bytes()).unwrap();
        trusted.add(ca).unwrap();
        let answer = client(with_roots(trusted)).get(&url).send().await.unwrap();
        assert_eq!(answer.status(), 200);
        assert_eq!(answer.text().await.unwrap(), "ok");

        // The system's roots do not include the test CA: the same server is refused.
        let refused = client(client_config()).get(&url).send().await.unwrap_err();
        let chain = std::iter::successors(Some(&refused as &dyn std::error::Error), |e| e.source())
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join(": ");
        assert!(chain.contains("certificate"), "{chain}");
    }
}
