import Dispatch

/// A task executor on a serial dispatch queue of its own: a test whose body prefers it resumes
/// its awaits there, not on Swift's cooperative pool, which the end-to-end tests beside it hold
/// for minutes while they wait for processes (the CI machine has two cores). An HTTP request
/// resumed minutes late finds its deadline passed.
public final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the only state is a serial queue, which is thread-safe.
    private let queue: DispatchQueue

    public init(label: String) { queue = DispatchQueue(label: label) }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }

    /// Runs `body` with its awaits on an executor of its own.
    public static func offPool(_ body: () async throws -> Void) async throws {
        try await withTaskExecutorPreference(DedicatedExecutor(label: "bk-test"), operation: body)
    }
}
