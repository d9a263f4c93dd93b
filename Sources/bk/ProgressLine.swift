import BlauweKnop
import Foundation

/// One live line on standard error while bk waits: a spinner and what it waits for, redrawn
/// four times a second. Only on a terminal; erased when done, so nothing of it reaches a pipe,
/// a file or the final screen.
final class ProgressLine: Sendable {
    private struct State {
        var describe: @Sendable (Duration) -> String?
        var shown = false
        var frame = 0
        var timer: Task<Void, Never>?
    }

    private let width: Int
    private let started = ContinuousClock.now
    private let state: Locked<State>

    /// A progress line, or `nil` when standard error is not a terminal or `--quiet` was given.
    /// - Parameter describe: the text for the time elapsed so far, or `nil` for nothing yet.
    static func make(_ presentation: Presentation, describe: @escaping @Sendable (Duration) -> String?) -> ProgressLine? {
        guard Terminal.standardErrorIsTerminal, !presentation.quiet else { return nil }
        return ProgressLine(width: presentation.width, describe: describe)
    }

    private init(width: Int, describe: @escaping @Sendable (Duration) -> String?) {
        self.width = width
        self.state = Locked(State(describe: describe))
        Interruption.onInterrupt { [weak self] in self?.erase() }
        let timer = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                self?.draw()
            }
        }
        state.withLock { $0.timer = timer }
    }

    /// Redraws now (after the state the text describes has changed).
    func draw() {
        state.withLock { state in
            guard let text = state.describe(started.duration(to: .now)) else { return }
            let spinner = ["|", "/", "-", "\\"][state.frame % 4]
            state.frame += 1
            var line = spinner + " " + TerminalText.sanitized(text)
            if line.count > width - 1 { line = String(line.prefix(width - 2)) + "…" }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            state.shown = true
        }
    }

    /// Erases the line and stops redrawing.
    func finish() {
        state.withLock { $0.timer }?.cancel()
        erase()
    }

    /// Erases the line if it is shown, and draws nothing after (also when a signal ends the run).
    private func erase() {
        state.withLock { state in
            if state.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            state.shown = false
            state.describe = { _ in nil }
        }
    }
}

/// The latest progress of an overview, shared between the builder's callback and the line.
final class OverviewProgressText: Sendable {
    /// Pending organisations are named once the run takes longer than this.
    static let namePendingAfter: Duration = .seconds(2)

    private let messages: Messages
    private let latest = Locked<OverviewProgress?>(nil)

    init(messages: Messages) { self.messages = messages }

    func update(_ progress: OverviewProgress) { latest.withLock { $0 = progress } }

    func text(after elapsed: Duration) -> String? {
        latest.withLock { progress in
            guard let progress else { return nil }
            var line = messages[.progressAnswered, ["done": "\(progress.done)", "total": "\(progress.total)"]]
            if elapsed > Self.namePendingAfter, !progress.pending.isEmpty {
                line += " — " + messages[.progressWaiting, ["names": progress.pending.joined(separator: ", ")]]
            }
            return line
        }
    }
}
