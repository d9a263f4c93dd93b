import ArgumentParser
import BlauweKnop
import Foundation

// bk's entry point. The command runs in a detached task while the main thread waits on a
// semaphore: Swift's async main parks the main thread in libdispatch's sigsuspend loop, which
// valgrind 3.19 cannot run, and bk must stay measurable with callgrind (see BENCHMARKS.md).

/// The outcome of the command, handed from the task to the main thread.
final class CommandOutcome: Sendable {
    private let stored = Locked<(any Error)?>(nil)
    let finished = DispatchSemaphore(value: 0)

    var error: (any Error)? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}

Interruption.install()
let outcome = CommandOutcome()
let arguments = Array(CommandLine.arguments.dropFirst())
let ordered = ArgumentOrder.normalized(arguments, root: BK.self)
Task.detached {
    var command: (any ParsableCommand)?
    do {
        if let path = HelpRequest.path(arguments) {
            try HelpCommandPage.write(path: path)
            outcome.finished.signal()
            return
        }
        let completed = ConfiguredOptions.completed(ordered, root: BK.self, environment: ProcessInfo.processInfo.environment)
        var parsed = try BK.parseAsRoot(completed)
        command = parsed
        if var asyncCommand = parsed as? any AsyncParsableCommand {
            try await asyncCommand.run()
        } else {
            try parsed.run()
        }
    } catch {
        // The one catch ladder: what stopped a command is said in its reader's language.
        outcome.error = (command as? any ReportsErrors)?.presentation.fail(error) ?? error
    }
    outcome.finished.signal()
}
outcome.finished.wait()
if let error = outcome.error {
    let verbose = ordered.prefix { $0 != "--" }.contains { $0 == "--verbose" || $0 == "-v" }
    if let message = UsageMessage(text: Messages(RunLanguage.current), arguments: ordered, verbose: verbose).render(error) {
        Terminal.note(message)
        exit(ExitCode.validationFailure.rawValue)
    }
    BK.exit(withError: error)
}
