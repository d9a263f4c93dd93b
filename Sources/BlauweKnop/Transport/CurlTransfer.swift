import Foundation
internal import CCurl

/// One request in flight on the engine: its easy handle, buffers and the waiting caller.
///
/// Only the engine thread touches a transfer after it is submitted.
final class CurlTransfer: @unchecked Sendable {
    // @unchecked: after `CurlShard.submit` only the shard's thread reaches the mutable state.
    let id: TransferID
    let request: HTTPRequest
    let deadlineSeconds: Double
    private(set) var continuation: CheckedContinuation<HTTPResponse, any Error>?
    var handle: UnsafeMutableRawPointer?
    var headerList: UnsafeMutablePointer<curl_slist>?
    let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    var body: [UInt8] = []
    var headers: [String: String] = [:]
    var exceededLimit = false

    init(id: TransferID, request: HTTPRequest, timeoutSeconds: Double, continuation: CheckedContinuation<HTTPResponse, any Error>) {
        self.id = id
        self.request = request
        self.deadlineSeconds = timeoutSeconds
        self.continuation = continuation
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        if let handle { curl_easy_cleanup(handle) }
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// Appends body bytes; returns false once the limit would be exceeded.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if body.count + bytes.count > request.maxResponseBytes {
            exceededLimit = true
            return false
        }
        body.append(contentsOf: bytes)
        return true
    }

    /// Records one header line; a new status line starts a fresh header set.
    func receiveHeader(_ line: String) {
        if line.hasPrefix("HTTP/") {
            headers = [:]
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = line[..<colon].lowercased()
        let value = line[line.index(after: colon)...].trimmingASCIIWhitespace
        headers[name] = value
    }

    /// Hands the outcome to the waiting caller, exactly once.
    func finish(_ result: Result<HTTPResponse, any Error>) {
        continuation?.resume(with: result)
        continuation = nil
    }

    /// The libcurl error text for this transfer, if any.
    var errorText: String {
        String(cString: errorBuffer)
    }
}

/// Names one transfer of an engine for its whole life: a number counted up per engine, so
/// that a cancellation can never reach a later transfer that happens to reuse the memory of
/// a finished one.
struct TransferID: Hashable, Sendable {
    let value: UInt64
}

/// C callbacks for libcurl, as static members so that they are not actor-isolated.
enum CurlCallbacks {
    static let body: bk_curl_data_callback = { buffer, size, count, userdata in
        guard let userdata else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        let accepted = transfer.receiveBody(UnsafeRawBufferPointer(start: buffer, count: length))
        return accepted ? length : 0
    }

    static let header: bk_curl_data_callback = { buffer, size, count, userdata in
        guard let userdata else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(userdata).takeUnretainedValue()
        let length = size * count
        let line = String(decoding: UnsafeRawBufferPointer(start: buffer, count: length), as: UTF8.self)
        transfer.receiveHeader(line)
        return length
    }
}
