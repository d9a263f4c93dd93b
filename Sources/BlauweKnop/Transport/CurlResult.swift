import Foundation
internal import CCurl

/// Turns a finished transfer into a response or a readable transport error.
enum CurlResult {
    static func response(of transfer: CurlTransfer, handle: UnsafeMutableRawPointer, code: CURLcode) -> Result<HTTPResponse, any Error> {
        let url = transfer.request.url
        guard code == CURLE_OK else {
            if transfer.exceededLimit || code == CURLE_FILESIZE_EXCEEDED {
                return .failure(
                    TransportError(.tooLarge, "the response from \(url) is larger than the \(ByteCount.describe(transfer.request.maxResponseBytes)) allowed"))
            }
            var systemError = 0
            _ = bk_curl_easy_getinfo_long(handle, CURLINFO_OS_ERRNO, &systemError)
            if systemError == Int(EMFILE) || systemError == Int(ENFILE) {
                // This computer's limit, not the organisation's fault: say so, and let the
                // retry policy try again once other connections have closed.
                return .failure(
                    TransportError(
                        .failed, "this computer has too many open files to connect to \(URLParts.host(of: url) ?? url); raise 'ulimit -n' or lower --parallel",
                        isConnectionFailure: true))
            }
            var failure = error(for: code, url: url, detail: transfer.errorText)
            var handshake: curl_off_t = 0
            _ = bk_curl_easy_getinfo_offset(handle, CURLINFO_APPCONNECT_TIME_T, &handshake)
            failure.handshakeCompleted = handshake > 0
            failure.connectionRefused = systemError == Int(ECONNREFUSED)
            var connects = 0
            _ = bk_curl_easy_getinfo_long(handle, CURLINFO_NUM_CONNECTS, &connects)
            failure.reusedConnectionDied = isStaleConnection(
                code: code, newConnections: connects, answered: !transfer.headers.isEmpty || !transfer.body.isEmpty)
            return .failure(failure)
        }
        var status = 0
        _ = bk_curl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        var total: curl_off_t = 0
        _ = bk_curl_easy_getinfo_offset(handle, CURLINFO_TOTAL_TIME_T, &total)
        if (300..<400).contains(status) && status != 304 {
            let target = transfer.headers["location"].map { " to \($0)" } ?? ""
            return .failure(TransportError(.redirect, "\(url) answered with a redirect\(target); bk does not follow redirects"))
        }
        var response = HTTPResponse(status: status, headers: transfer.headers, body: transfer.body, totalSeconds: Double(total) / 1_000_000)
        var handshake: curl_off_t = 0
        _ = bk_curl_easy_getinfo_offset(handle, CURLINFO_APPCONNECT_TIME_T, &handshake)
        response.tlsSeconds = Double(handshake) / 1_000_000
        if transfer.request.captureCertificate { response.certificateExpiry = certificateExpiry(handle) }
        return .success(response)
    }

    /// Whether a failure is a reused connection that died before any answer: no new connection
    /// was made for the transfer, nothing came back, and sending or receiving broke.
    static func isStaleConnection(code: CURLcode, newConnections: Int, answered: Bool) -> Bool {
        newConnections == 0 && !answered && [CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING].contains(code)
    }

    /// The leaf certificate's "Expire date" from libcurl's certinfo.
    static func certificateExpiry(_ handle: UnsafeMutableRawPointer) -> Date? {
        var pointer: UnsafeMutableRawPointer?
        guard bk_curl_easy_getinfo_pointer(handle, CURLINFO_CERTINFO, &pointer) == CURLE_OK, let pointer else { return nil }
        let info = pointer.assumingMemoryBound(to: curl_certinfo.self).pointee
        guard info.num_of_certs > 0, var item = info.certinfo?[0] else { return nil }
        while true {
            let line = String(cString: item.pointee.data)
            if line.hasPrefix("Expire date:") { return CertificateDate.parse(String(line.dropFirst("Expire date:".count))) }
            guard let next = item.pointee.next else { return nil }
            item = next
        }
    }

    /// Maps a libcurl result code to a category and a sentence, keeping libcurl's own detail.
    static func error(for code: CURLcode, url: String, detail: String) -> TransportError {
        let reason = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        let host = URLParts.host(of: url) ?? url
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return TransportError(.unreachable, "cannot find host \(host) (\(reason))", isConnectionFailure: true)
        case CURLE_COULDNT_CONNECT:
            return TransportError(.unreachable, "cannot connect to \(host) (\(reason))", isConnectionFailure: true)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE,
            CURLE_HTTP2, CURLE_HTTP2_STREAM, CURLE_WEIRD_SERVER_REPLY:
            return TransportError(.unreachable, "connection to \(host) failed (\(reason))")
        case CURLE_OPERATION_TIMEDOUT:
            return TransportError(.timeout, "\(host) did not answer in time (\(reason))")
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CACERT_BADFILE,
            CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS:
            return TransportError(.tls, "secure connection to \(host) failed (\(reason))")
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return TransportError(.invalidURL, "invalid URL \(url) (\(reason))")
        default:
            return TransportError(.failed, "request to \(host) failed (\(reason))")
        }
    }
}

/// Small URL helpers that need no Foundation URL parsing.
enum URLParts {
    /// The host (and port) part of an absolute URL.
    static func host(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let host = rest[..<end]
        return host.isEmpty ? nil : String(host)
    }

    /// Whether the URL is an absolute https URL with a host.
    static func isHTTPS(_ url: String) -> Bool {
        url.lowercased().hasPrefix("https://") && host(of: url) != nil
    }
}

/// Human sizes for limits.
enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// Parses OpenSSL's certificate time text, such as `Feb  5 01:22:33 2029 GMT`.
enum CertificateDate {
    static func parse(_ text: String) -> Date? {
        let words = text.split(separator: " ")
        guard words.count == 5, words[4] == "GMT" else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMM d HH:mm:ss yyyy"
        return formatter.date(from: words[0..<4].joined(separator: " "))
    }
}
