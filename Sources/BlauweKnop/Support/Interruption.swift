import Foundation

/// The first SIGINT, SIGTERM or SIGHUP ends the process at once, whatever it is doing: waiting
/// on a slow organisation, reading standard input, checking a PDF or asking a question.
///
/// The three signals are blocked in every thread and taken by one thread of their own with
/// `sigwait`, so no work thread has to notice them and none can swallow them. That thread
/// removes the temporary files being written (an output file is then neither written nor
/// replaced: `AtomicFile` renames under the same lock), runs the clean-up hooks (the live line on
/// the terminal is erased), and ends the process by the same signal, so that a shell sees the
/// usual status (130 for Ctrl-C, 143 for SIGTERM, 129 for SIGHUP) and a script's loop stops too.
/// Open connections are closed by the kernel with the process.
public enum Interruption {
    /// The signals that end a run.
    public static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private static let hooks = Locked<[@Sendable () -> Void]>([])

    /// Blocks the signals and starts the thread that waits for them. Call it first in `main`,
    /// before any other thread exists: threads inherit the blocked set from their creator.
    public static func install() {
        var blocked = signalSet(signals)
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        let waiter = Thread { waitAndEnd() }
        waiter.name = "bk-signals"
        waiter.start()
    }

    /// Adds work to do when a signal arrives, before the process ends (quick, non-blocking).
    public static func onInterrupt(_ hook: @escaping @Sendable () -> Void) {
        hooks.withLock { $0.append(hook) }
    }

    private static func waitAndEnd() -> Never {
        var blocked = signalSet(signals)
        var number: Int32 = 0
        while sigwait(&blocked, &number) != 0 {}
        TemporaryFiles.removeAllForever()
        for hook in hooks.withLock({ $0 }) { hook() }
        signal(number, SIG_DFL)
        var only = signalSet([number])
        pthread_sigmask(SIG_UNBLOCK, &only, nil)
        raise(number)
        _exit(128 + number)
    }

    private static func signalSet(_ numbers: [Int32]) -> sigset_t {
        var set = sigset_t()
        sigemptyset(&set)
        for number in numbers { sigaddset(&set, number) }
        return set
    }
}
