import ArgumentParser
import BlauweKnop
import Foundation

/// Diagnostics on standard error; progress only when standard error is a terminal.
enum Terminal {
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// Writes a line to standard error, sanitised: it may quote a holder's words.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitized(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Writes text to standard output.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes a command's result to `--output` (`-` or none: standard output).
    static func write(_ text: String, to output: String?, mode: mode_t = 0o644) throws {
        guard let output, output != OutputFile.standardOutputName else { return print(text) }
        do {
            try OutputFile.write(text, to: output, mode: mode)
        } catch {
            throw fail(error, code: OverviewExitCode.failure.rawValue)
        }
    }

    /// Reports an error in words and returns the exit code to end with.
    static func fail(_ error: any Error, code: Int32) -> ExitCode {
        note("bk: \(readable(error))")
        return ExitCode(code)
    }

    /// Exit 2 for a scheme that failed verification, 1 when it could not be fetched or the
    /// local configuration or state is unusable.
    static func exitCode(for error: SchemeError) -> Int32 {
        error.isVerificationFailure ? OverviewExitCode.schemeRejected.rawValue : OverviewExitCode.failure.rawValue
    }

    /// A sentence for any error bk can meet.
    static func readable(_ error: any Error) -> String {
        switch error {
        case let error as any CustomStringConvertible: error.description
        default: "\(error)"
        }
    }
}
