import Glibc
internal import CCurl

/// The engine thread's event loop state: an epoll set with the sockets libcurl asks to watch,
/// libcurl's next timeout, and an eventfd that other threads write to wake the loop.
///
/// libcurl's socket interface (`curl_multi_socket_action`) only touches the transfers whose
/// sockets are ready, where `curl_multi_perform` walks every transfer on every wake-up: with
/// hundreds of organisations at once that walk made the fan-out quadratic.
final class SocketEvents {
    let epoll: Int32
    let wakeup: Int32
    private var watched: Set<Int32> = []
    /// When libcurl wants `CURL_SOCKET_TIMEOUT`, or nil for no timer.
    private(set) var timerDeadline: ContinuousClock.Instant?

    init?() {
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        wakeup = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
        guard epoll >= 0, wakeup >= 0 else { return nil }
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.fd = wakeup
        guard epoll_ctl(epoll, EPOLL_CTL_ADD, wakeup, &event) == 0 else { return nil }
    }

    deinit {
        close(epoll)
        close(wakeup)
    }

    /// Wakes the loop (from any thread).
    func wake() {
        _ = eventfd_write(wakeup, 1)
    }

    /// Empties the wake-up counter (engine thread).
    func drainWakeups() {
        var value: eventfd_t = 0
        _ = eventfd_read(wakeup, &value)
    }

    /// libcurl's socket callback: watch `socket` for `what` (CURL_POLL_*), or stop watching.
    func update(socket: Int32, what: Int32) {
        if what == CURL_POLL_REMOVE {
            if watched.remove(socket) != nil { _ = epoll_ctl(epoll, EPOLL_CTL_DEL, socket, nil) }
            return
        }
        var event = epoll_event()
        event.events = (what & CURL_POLL_IN != 0 ? EPOLLIN.rawValue : 0) | (what & CURL_POLL_OUT != 0 ? EPOLLOUT.rawValue : 0)
        event.data.fd = socket
        if watched.contains(socket) {
            _ = epoll_ctl(epoll, EPOLL_CTL_MOD, socket, &event)
        } else if epoll_ctl(epoll, EPOLL_CTL_ADD, socket, &event) == 0 {
            watched.insert(socket)
        } else if errno == EEXIST {
            _ = epoll_ctl(epoll, EPOLL_CTL_MOD, socket, &event)
            watched.insert(socket)
        }
    }

    /// libcurl's timer callback: -1 removes the timer.
    func setTimer(milliseconds: Int) {
        timerDeadline = milliseconds < 0 ? nil : ContinuousClock.now.advanced(by: .milliseconds(milliseconds))
    }

    /// Milliseconds until the timer, for epoll_wait (at most `cap`).
    func waitMilliseconds(cap: Int32) -> Int32 {
        guard let timerDeadline else { return cap }
        let remaining = ContinuousClock.now.duration(to: timerDeadline)
        if remaining <= .zero { return 0 }
        return min(cap, Int32(clamping: remaining.milliseconds + 1))
    }

    /// Whether the timer has expired; clears it when it has (libcurl sets a new one as needed).
    func takeExpiredTimer() -> Bool {
        guard let timerDeadline, timerDeadline <= .now else { return false }
        self.timerDeadline = nil
        return true
    }
}

/// libcurl's multi callbacks, as static members so that they are not actor-isolated.
enum CurlMultiCallbacks {
    static let socket: curl_socket_callback = { _, socket, what, userdata, _ in
        guard let userdata else { return 0 }
        Unmanaged<SocketEvents>.fromOpaque(userdata).takeUnretainedValue().update(socket: socket, what: what)
        return 0
    }

    static let timer: curl_multi_timer_callback = { _, milliseconds, userdata in
        guard let userdata else { return 0 }
        Unmanaged<SocketEvents>.fromOpaque(userdata).takeUnretainedValue().setTimer(milliseconds: milliseconds)
        return 0
    }
}
