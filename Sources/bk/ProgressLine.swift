import BlauweKnop
import Foundation

/// One live line on standard error while organisations are being asked: how many have
/// answered, and after a few seconds which are still pending. Only on a terminal; erased when
/// done, so nothing of it reaches a pipe, a file or the final screen.
final class ProgressLine: @unchecked Sendable {
    /// Pending organisations are named once the run takes longer than this.
    static let namePendingAfter: Duration = .seconds(2)

    private let lock = NSLock()
    private let messages: Messages
    private let width: Int
    private let started = ContinuousClock.now
    private var progress: OverviewProgress?
    private var shown = false
    private var frame = 0
    private var timer: Task<Void, Never>?

    /// A progress line, or `nil` when standard error is not a terminal or `--quiet` was given.
    static func make(_ presentation: Presentation) -> ProgressLine? {
        guard Terminal.standardErrorIsTerminal, !presentation.quiet else { return nil }
        return ProgressLine(messages: presentation.messages, width: presentation.width)
    }

    private init(messages: Messages, width: Int) {
        self.messages = messages
        self.width = width
        timer = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(250))
                self?.draw()
            }
        }
    }

    /// Records where the run stands and redraws.
    func update(_ progress: OverviewProgress) {
        lock.withLock { self.progress = progress }
        draw()
    }

    /// Erases the line.
    func finish() {
        timer?.cancel()
        lock.withLock {
            if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            shown = false
            progress = nil
        }
    }

    private func draw() {
        lock.withLock {
            guard let progress else { return }
            let spinner = ["|", "/", "-", "\\"][frame % 4]
            frame += 1
            var line = spinner + " " + messages[.progressAnswered, ["done": "\(progress.done)", "total": "\(progress.total)"]]
            if started.duration(to: .now) > Self.namePendingAfter, !progress.pending.isEmpty {
                line += " — " + messages[.progressWaiting, ["names": progress.pending.map { TerminalText.sanitized($0) }.joined(separator: ", ")]]
            }
            if line.count > width - 1 { line = String(line.prefix(width - 2)) + "…" }
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            shown = true
        }
    }
}
