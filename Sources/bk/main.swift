import ArgumentParser
import BlauweKnop
import Foundation

// bk's entry point. The command runs in a detached task while the main thread waits on a
// semaphore: Swift's async main parks the main thread in libdispatch's sigsuspend loop, which
// valgrind 3.19 cannot run, and bk must stay measurable with callgrind (see BENCHMARKS.md).

/// The outcome of the command, handed from the task to the main thread.
final class CommandOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    let finished = DispatchSemaphore(value: 0)

    var error: (any Error)? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}

Interruption.install()
let outcome = CommandOutcome()
Task.detached {
    do {
        let arguments = Array(CommandLine.arguments.dropFirst())
        if let topic = ArgumentOrder.unknownHelpTopic(arguments, root: BK.self) {
            throw ValidationError("'\(topic)' is not a bk command; see 'bk --help'")
        }
        let ordered = ArgumentOrder.normalized(arguments, root: BK.self)
        let completed = ConfiguredOptions.completed(ordered, root: BK.self, environment: ProcessInfo.processInfo.environment)
        var command = try BK.parseAsRoot(completed)
        if var asyncCommand = command as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try command.run()
        }
    } catch {
        outcome.error = error
    }
    outcome.finished.signal()
}
outcome.finished.wait()
if let error = outcome.error { BK.exit(withError: error) }
