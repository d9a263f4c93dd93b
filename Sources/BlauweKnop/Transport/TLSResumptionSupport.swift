internal import CCurl

/// Whether TLS sessions may be kept between runs with the libcurl and OpenSSL this process
/// runs on.
///
/// `TLSConnectionSetup` offers a kept session from two behaviours that were proven on libcurl
/// 7.88 with OpenSSL 3.0 (Debian 12) and are promised by neither library: libcurl builds one
/// `SSL_CTX` per connection, so a connection's sessions can hang on it; and OpenSSL builds the
/// ClientHello after `SSL_CB_HANDSHAKE_START`, so a session set then is the one offered. With
/// any other release either may differ (libcurl 8 shares contexts; a later OpenSSL may build
/// the hello earlier), and a session offered to the wrong connection would skip a certificate
/// check. Elsewhere sessions are not kept between runs: every run does full handshakes, which
/// costs time and never trust.
///
/// libcurl 8.12 and later can export and import its own sessions
/// (`curl_easy_ssls_export`/`_import`), which would replace both assumptions; bk is built and
/// tested against libcurl 7.88, which lacks them, so they are not used yet.
struct TLSResumptionSupport: Equatable, Sendable {
    /// A library release, as major.minor.patch.
    struct Version: Comparable, Sendable, CustomStringConvertible {
        let major: Int
        let minor: Int
        let patch: Int

        static func < (lhs: Version, rhs: Version) -> Bool {
            (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
        }

        var description: String { "\(major).\(minor).\(patch)" }

        /// libcurl's `version_num`: 0xXXYYZZ.
        init(libcurlNumber number: UInt32) {
            self.init(major: Int(number >> 16 & 0xFF), minor: Int(number >> 8 & 0xFF), patch: Int(number & 0xFF))
        }

        /// `OpenSSL_version_num()` of OpenSSL 3: 0xMNN00PP0.
        init(openSSLNumber number: UInt) {
            self.init(major: Int(number >> 28 & 0xF), minor: Int(number >> 20 & 0xFF), patch: Int(number >> 4 & 0xFF))
        }

        init(major: Int, minor: Int, patch: Int) {
            self.major = major
            self.minor = minor
            self.patch = patch
        }
    }

    let libcurl: Version
    let openSSL: Version

    /// The libraries this process has loaded.
    static var running: TLSResumptionSupport {
        let libcurl = bk_curl_version_info().map { Version(libcurlNumber: $0.pointee.version_num) } ?? Version(major: 0, minor: 0, patch: 0)
        return TLSResumptionSupport(libcurl: libcurl, openSSL: Version(openSSLNumber: UInt(OpenSSL_version_num())))
    }

    /// Whether kept sessions may be offered: only on the releases the mechanism was proven on.
    var keepsSessions: Bool {
        libcurl.major == 7 && libcurl.minor == 88 && openSSL.major == 3 && openSSL.minor == 0
    }

    /// Why sessions are not kept, in English for `--verbose`; nil when they are.
    var reasonNotKept: String? {
        guard !keepsSessions else { return nil }
        return "TLS sessions are not kept between runs with libcurl \(libcurl) and OpenSSL \(openSSL): "
            + "bk's session resumption is proven on libcurl 7.88 with OpenSSL 3.0 only"
    }
}
