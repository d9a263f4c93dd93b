import Foundation
internal import CCurl

/// One engine thread of the transport: a libcurl multi handle driven with epoll and
/// `curl_multi_socket_action`.
///
/// Requests are queued from any thread; the shard's thread is woken through an eventfd, adds
/// the easy handle to its multi handle, drives the sockets and resumes the caller when
/// `curl_multi_info_read` reports the transfer done. Connections, DNS results and TLS sessions
/// are shared between the transfers of one shard (the multi connection cache plus a share
/// handle); `CurlEngine` sends every request for one host to the same shard, so that a
/// connection is reused wherever it could be with one thread.
final class CurlShard: @unchecked Sendable {
    // @unchecked: `multi` and `share` are used only on the shard's thread after init; the queues are
    // guarded by `lock`.
    private let multi: UnsafeMutableRawPointer
    private let share: UnsafeMutableRawPointer?
    private let events: SocketEvents
    private let options: TransportOptions
    private let tls: TLSConnectionSetup
    private let lock = NSLock()
    private var submitted: [CurlTransfer] = []
    private var cancelRequests: Set<TransferID> = []
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]
    private var stopping = false
    /// Whether the thread is (about to be) blocked in `epoll_wait` with nothing queued: only
    /// then does a new request need the eventfd write that wakes it. A busy thread picks new
    /// requests up on its next turn, which saves two system calls per request under load.
    private var sleeping = false
    /// The shard's POSIX thread: joined by `shutdown()` or `stopAndWait()`, detached by
    /// `deinit` when neither ran, so that no ended thread is left unreclaimed.
    private var thread = pthread_t()
    private var joined = false
    /// Callers of `shutdown()` waiting for the thread to end.
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []
    private var exited = false
    /// Signalled once when the thread runs, so that a shard exists only with its thread.
    private let startSignal = DispatchSemaphore(value: 0)
    private let name: String

    /// Starts a shard with its thread.
    init(options: TransportOptions, tls: TLSConnectionSetup, name: String) throws(TransportError) {
        guard let events = SocketEvents() else {
            throw TransportError(.failed, "the engine could not open its event descriptors (\(String(cString: strerror(errno))))")
        }
        guard let multi = curl_multi_init() else { throw TransportError(.failed, "libcurl could not start") }
        self.multi = multi
        self.events = events
        self.options = options
        self.tls = tls
        self.share = curl_share_init()
        if let share {
            _ = bk_curl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_SSL_SESSION.rawValue))
            _ = bk_curl_share_setopt_long(share, CURLSHOPT_SHARE, Int(CURL_LOCK_DATA_DNS.rawValue))
        }
        _ = bk_curl_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, options.maxConnections)
        // libcurl 7.88 keeps at most 4 idle connections per easy handle attached at that moment;
        // between an organisation's requests its handle is detached, so under load it closed
        // connections of flows still in progress, which then paid a second handshake (N = 400
        // under strace: 449 connections for 401 hosts). Each organisation closes its own
        // connection after its last request, so idle connections stay bounded by the flows.
        _ = bk_curl_multi_setopt_long(multi, CURLMOPT_MAXCONNECTS, options.maxConnections)
        _ = bk_curl_multi_setopt_long(multi, CURLMOPT_PIPELINING, Int(CURLPIPE_MULTIPLEX))
        let eventsPointer = Unmanaged.passUnretained(events).toOpaque()
        _ = bk_curl_multi_setopt_socket_callback(multi, CurlMultiCallbacks.socket)
        _ = bk_curl_multi_setopt_pointer(multi, CURLMOPT_SOCKETDATA, eventsPointer)
        _ = bk_curl_multi_setopt_timer_callback(multi, CurlMultiCallbacks.timer)
        _ = bk_curl_multi_setopt_pointer(multi, CURLMOPT_TIMERDATA, eventsPointer)
        self.name = name
        // The thread keeps its shard alive until `run` returns.
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<CurlShard>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        guard created == 0 else {
            Unmanaged<CurlShard>.fromOpaque(context).release()
            joined = true
            throw TransportError(.failed, "the engine could not start a thread (\(String(cString: strerror(created))))")
        }
        startSignal.wait()
    }

    deinit {
        if !joined { pthread_detach(thread) }
        if let share { curl_share_cleanup(share) }
        curl_multi_cleanup(multi)
    }

    /// Queues a transfer; the shard resumes its continuation when it is done. A shard that
    /// is stopping fails the transfer at once.
    func submit(_ transfer: CurlTransfer) {
        let (queued, asleep) = lock.withLock { () -> (Bool, Bool) in
            guard !stopping else { return (false, false) }
            submitted.append(transfer)
            defer { sleeping = false }
            return (true, sleeping)
        }
        if !queued { transfer.finish(.failure(TransportError.shutDown)) }
        if asleep { events.wake() }
    }

    /// Fails the transfer with this id if it is still queued or in flight.
    func cancel(_ id: TransferID) {
        lock.withLock { _ = cancelRequests.insert(id) }
        events.wake()
    }

    /// Asks the thread to stop after failing every transfer still in flight, without waiting.
    func stop() {
        lock.withLock { stopping = true }
        events.wake()
    }

    /// Stops the thread and returns once it has ended.
    func shutdown() async {
        await withCheckedContinuation { (waiter: CheckedContinuation<Void, Never>) in
            let ended = lock.withLock {
                stopping = true
                if !exited { exitWaiters.append(waiter) }
                return exited
            }
            if ended { waiter.resume() } else { events.wake() }
        }
        // The thread has left its loop; joining waits only for it to return.
        join()
    }

    /// Stops the thread and blocks until it has ended; for an engine whose start failed
    /// half-way, which cannot wait asynchronously.
    func stopAndWait() {
        stop()
        join()
    }

    private func join() {
        let first = lock.withLock {
            defer { joined = true }
            return !joined
        }
        if first { pthread_join(thread, nil) }
    }

    // MARK: - The shard's thread

    private func run() {
        _ = bk_name_current_thread(name)
        startSignal.signal()
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
                if cancels.contains(transfer.id) {
                    transfer.finish(.failure(TransportError(.cancelled, "cancelled")))
                } else {
                    start(transfer)
                }
            }
            if !cancels.isEmpty {
                for (handle, transfer) in active where cancels.contains(transfer.id) {
                    complete(handle, transfer, .failure(TransportError(.cancelled, "cancelled")))
                }
            }
            if !incoming.isEmpty || events.takeExpiredTimer() {
                curl_multi_socket_action(multi, CURL_SOCKET_TIMEOUT, 0, &runningCount)
            }
            drainCompletions()
            let idle = lock.withLock {
                sleeping = submitted.isEmpty && cancelRequests.isEmpty && !stopping
                return sleeping
            }
            let wait = idle ? events.waitMilliseconds(cap: 1000) : 0
            let count = ready.withUnsafeMutableBufferPointer { epoll_wait(events.epoll, $0.baseAddress, Int32($0.count), wait) }
            lock.withLock { sleeping = false }
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
        for (handle, transfer) in active { complete(handle, transfer, .failure(TransportError.shutDown)) }
        let (pending, waiters) = lock.withLock {
            defer {
                submitted.removeAll()
                exitWaiters.removeAll()
                exited = true
            }
            return (submitted, exitWaiters)
        }
        for transfer in pending { transfer.finish(.failure(TransportError.shutDown)) }
        for waiter in waiters { waiter.resume() }
    }

    private func start(_ transfer: CurlTransfer) {
        guard let handle = curl_easy_init() else {
            transfer.finish(.failure(TransportError(.failed, "libcurl could not create a transfer")))
            return
        }
        transfer.handle = handle
        let configured = CurlRequestConfigurator(options: options, share: share, tls: tls).configure(handle, for: transfer)
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
