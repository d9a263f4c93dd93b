import Dispatch

/// A task executor on a serial dispatch queue of its own: a task that prefers it starts even
/// while the other tests of the suite hold every thread of Swift's cooperative pool (end-to-end
/// tests wait for processes there, and the CI machine has two cores).
final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the only state is a serial queue, which is thread-safe.
    private let queue: DispatchQueue

    init(label: String) { queue = DispatchQueue(label: label) }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
