import Foundation
internal import CCurl

/// The libcurl multi engine: one dedicated thread drives every transfer of the process.
///
/// Callers `await perform(_:)`; the request is queued, the engine thread is woken through an
/// eventfd, adds the easy handle to the multi handle, drives sockets with epoll and
/// `curl_multi_socket_action`, and resumes the caller when `curl_multi_info_read` reports the
/// transfer done. Connections, DNS results and TLS sessions are shared
/// between transfers (multi connection cache plus a share handle), and the CA bundle is parsed
/// once and cached rather than per connection.
public final class CurlEngine: @unchecked Sendable {
    // `multi` and `share` are used only on the engine thread after init; the queues are
    // guarded by `lock`.
    private let multi: UnsafeMutableRawPointer
    private let share: UnsafeMutableRawPointer?
    private let events: SocketEvents
    private let options: TransportOptions
    private let lock = NSLock()
    private var submitted: [CurlTransfer] = []
    private var cancelRequests: Set<ObjectIdentifier> = []
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var stopping = false
    private var thread: Thread?

    /// Starts an engine with its thread.
    public init(options: TransportOptions) throws(TransportError) {
        CryptoLibrary.initialize()
        CurlGlobal.initialize()
        guard let multi = curl_multi_init(), let events = SocketEvents() else { throw TransportError(.failed, "libcurl could not start") }
        self.multi = multi
        self.events = events
        self.options = options
        self.share = curl_share_init()
        if let share {
            _ = bk_curl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_SSL_SESSION.rawValue))
            _ = bk_curl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_DNS.rawValue))
        }
        _ = bk_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.maxConnections)
        _ = bk_curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let eventsPointer = Unmanaged.passUnretained(events).toOpaque()
        _ = bk_curl_multi_setopt_socket_callback(multi, CurlMultiCallbacks.socket)
        _ = bk_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, eventsPointer)
        _ = bk_curl_multi_setopt_timer_callback(multi, CurlMultiCallbacks.timer)
        _ = bk_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, eventsPointer)
        ProcessLimits.raiseOpenFileLimit()
        let thread = Thread { [unowned self] in self.run() }
        thread.name = "bk-curl-engine"
        self.thread = thread
        thread.start()
    }

    deinit {
        if let share { curl_share_cleanup(share) }
        curl_multi_cleanup(multi)
    }

    /// Performs one request and returns its response, whatever the status code.
    ///
    /// - Parameter timeout: seconds for this attempt; the lesser of this and the configured
    ///   request timeout applies.
    public func perform(_ request: HTTPRequest, timeout: Double? = nil) async throws(TransportError) -> HTTPResponse {
        guard request.url.lowercased().hasPrefix("https://") else {
            throw TransportError(.invalidURL, "refusing a non-https URL: \(request.url)")
        }
        if let unsafe = request.headers.first(where: { !HTTPRequest.isSafeHeader(name: $0.name, value: $0.value) }) {
            throw TransportError(.invalidRequest, "refusing to send the header '\(TerminalText.sanitized(unsafe.name))': it holds characters a header may not have")
        }
        let seconds = min(timeout ?? options.requestTimeout, options.requestTimeout)
        guard seconds > 0 else { throw TransportError(.timeout, "no time left for the request") }
        let box = TransferBox()
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    let transfer = CurlTransfer(request: request, timeoutSeconds: seconds, continuation: continuation)
                    box.id = ObjectIdentifier(transfer)
                    submit(transfer)
                }
            } onCancel: {
                if let id = box.id { cancel(id) }
            }
        } catch let error as TransportError {
            throw error
        } catch {
            throw TransportError(.failed, "\(error)")
        }
    }

    /// Stops the engine thread after failing every transfer still in flight.
    public func shutdown() {
        lock.withLock { stopping = true }
        events.wake()
        while lock.withLock({ thread != nil }) { usleep(1000) }
    }

    private func submit(_ transfer: CurlTransfer) {
        lock.withLock { submitted.append(transfer) }
        events.wake()
    }

    private func cancel(_ id: ObjectIdentifier) {
        lock.withLock { _ = cancelRequests.insert(id) }
        events.wake()
    }

    // MARK: - Engine thread

    private func run() {
        var runningCount: Int32 = 0
        var ready = [epoll_event](repeating: epoll_event(), count: 256)
        while true {
            let (incoming, cancels, stop) = lock.withLock {
                defer {
                    submitted.removeAll()
                    cancelRequests.removeAll()
                }
                return (submitted, cancelRequests, stopping)
            }
            if stop { break }
            for transfer in incoming {
                if cancels.contains(ObjectIdentifier(transfer)) {
                    transfer.finish(.failure(TransportError(.cancelled, "cancelled")))
                } else {
                    start(transfer)
                }
            }
            if !cancels.isEmpty {
                for (handle, transfer) in active where cancels.contains(ObjectIdentifier(transfer)) {
                    complete(handle, transfer, .failure(TransportError(.cancelled, "cancelled")))
                }
            }
            if !incoming.isEmpty || events.takeExpiredTimer() {
                curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &runningCount)
            }
            drainCompletions()
            let count = ready.withUnsafeMutableBufferPointer { epoll_wait(events.epoll, $0.baseAddress, Int32($0.count), events.waitMilliseconds(cap: 1000)) }
            for index in 0..<max(0, Int(count)) {
                let event = ready[index]
                let socket = event.data.fd
                if socket == events.wakeup {
                    events.drainWakeups()
                    continue
                }
                var mask: Int32 = 0
                if event.events & EPOLLIN.rawValue != 0 { mask |= CURL_CSELECT_IN }
                if event.events & EPOLLOUT.rawValue != 0 { mask |= CURL_CSELECT_OUT }
                if event.events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 { mask |= CURL_CSELECT_ERR }
                curl_multi_socket_action(multi, socket, mask, &runningCount)
            }
            if events.takeExpiredTimer() { curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &runningCount) }
            drainCompletions()
        }
        for (handle, transfer) in active {
            complete(handle, transfer, .failure(TransportError(.cancelled, "the transport was shut down")))
        }
        let pending = lock.withLock { submitted }
        for transfer in pending { transfer.finish(.failure(TransportError(.cancelled, "the transport was shut down"))) }
        lock.withLock { thread = nil }
    }

    private func start(_ transfer: CurlTransfer) {
        guard let handle = curl_easy_init() else {
            transfer.finish(.failure(TransportError(.failed, "libcurl could not create a transfer")))
            return
        }
        transfer.handle = handle
        let configured = CurlRequestConfigurator(options: options, share: share).configure(handle, for: transfer)
        guard configured else {
            transfer.finish(.failure(TransportError(.failed, "libcurl rejected the request options for \(transfer.request.url)")))
            return
        }
        guard curl_multi_add_handle(multi, handle) == CURLM_OK else {
            transfer.finish(.failure(TransportError(.failed, "libcurl could not queue \(transfer.request.url)")))
            return
        }
        active[handle] = transfer
    }

    private func drainCompletions() {
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(multi, &remaining) {
            guard message.pointee.msg == CURLMSG_DONE, let handle = message.pointee.easy_handle,
                let transfer = active[handle]
            else { continue }
            let code = message.pointee.data.result
            complete(handle, transfer, CurlResult.response(of: transfer, handle: handle, code: code))
        }
    }

    private func complete(_ handle: UnsafeMutableRawPointer, _ transfer: CurlTransfer, _ result: Result<HTTPResponse, any Error>) {
        curl_multi_remove_handle(multi, handle)
        active[handle] = nil
        transfer.finish(result)
    }
}

/// Holds the id of a transfer across the cancellation handler.
private final class TransferBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: ObjectIdentifier?
    var id: ObjectIdentifier? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Process-wide libcurl initialisation, after libcrypto's.
enum CurlGlobal {
    private static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK

    static func initialize() { _ = initialized }
}

/// Process resource limits.
public enum ProcessLimits {
    /// Descriptors kept free for the process itself (standard streams, epoll, eventfd, files,
    /// libdispatch).
    static let reservedDescriptors = 64

    /// How many holder flows may run at once with the open-file limit in force: each needs one
    /// connection, so running more would make healthy holders fail with "too many open files".
    public static func concurrentFlowsAllowed() -> Int {
        raiseOpenFileLimit()
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1 }
        let available = UInt64(limit.rlim_cur)
        return max(1, Int(clamping: available) - reservedDescriptors)
    }

    /// Raises the soft open-file limit to the hard limit, so that many connections fit.
    public static func raiseOpenFileLimit() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = limit.rlim_max
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }
}
