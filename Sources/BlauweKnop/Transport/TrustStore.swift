import Foundation
internal import CCrypto

/// The certificates TLS peers are verified against: one OpenSSL `X509_STORE` for the whole
/// process, handed to every connection's `SSL_CTX` (libcurl's `CURLOPT_SSL_CTX_FUNCTION`).
///
/// With `--cacert` the store holds that file's certificates, parsed once. Without it the store
/// looks roots up in OpenSSL's hashed certificate folder (`/etc/ssl/certs` on Debian, or
/// `SSL_CERT_DIR`) when a chain needs one, and keeps what it loaded: a run reads only the roots
/// its holders chain to, instead of parsing the whole system bundle (about 140 certificates,
/// 18–21 ms) before the first connection. Chains are built trusted-first and may end at an
/// intermediate that is in the store (libcurl's own defaults).
final class TrustStore: @unchecked Sendable {
    // @unchecked: X509_STORE is reference counted and locked internally; OpenSSL allows one store to be
    // shared by SSL_CTXs on several threads.
    let store: OpaquePointer
    private let caBundlePath: String?

    init(caBundlePath: String?) throws(TransportError) {
        guard let store = X509_STORE_new() else { throw TransportError(.failed, "OpenSSL could not create a certificate store") }
        self.store = store
        self.caBundlePath = caBundlePath
        _ = X509_STORE_set_flags(store, UInt(X509_V_FLAG_TRUSTED_FIRST | X509_V_FLAG_PARTIAL_CHAIN))
        if let caBundlePath {
            guard X509_STORE_load_file(store, caBundlePath) == 1 else {
                ERR_clear_error()
                throw TransportError(.failed, "the CA bundle \(caBundlePath) could not be loaded")
            }
        } else {
            guard bk_x509_store_add_default_dir(store) == 1 else {
                ERR_clear_error()
                throw TransportError(.failed, "OpenSSL's certificate folder could not be used")
            }
        }
    }

    deinit { X509_STORE_free(store) }

    /// What this trust is, as SHA-256: of the `--cacert` file's bytes, or of the system
    /// folder's path and change time. A TLS session verified under one trust is never resumed
    /// under another.
    func identity() -> [UInt8] {
        if let caBundlePath {
            return Digest.sha256(Array("cacert\0".utf8) + ((try? AtomicFile.read(caBundlePath, limit: 64 << 20)) ?? []))
        } else {
            // The folder and when it last changed: adding or removing a root (update-ca-certificates
            // relinks the folder) makes it another trust.
            let folder = getenv(X509_get_default_cert_dir_env()).map { String(cString: $0) } ?? String(cString: X509_get_default_cert_dir())
            var status = stat()
            let version = stat(folder, &status) == 0 ? "\(status.st_dev) \(status.st_ino) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)" : "-"
            return Digest.sha256(Array("system\0\(folder)\0\(version)".utf8))
        }
    }
}
