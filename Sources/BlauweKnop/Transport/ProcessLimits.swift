import Glibc

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
