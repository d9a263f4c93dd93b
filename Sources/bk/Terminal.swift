import ArgumentParser
import BlauweKnop
import Foundation

/// The process's streams: diagnostics on standard error, results on standard output.
enum Terminal {
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The width to fit: `COLUMNS`, else the terminal's (TIOCGWINSZ), else 80.
    static func width(environment: [String: String]) -> Int {
        if let columns = environment["COLUMNS"].flatMap(Int.init), (20...1000).contains(columns) { return columns }
        var size = winsize()
        for descriptor in [STDOUT_FILENO, STDERR_FILENO] where ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col >= 20 {
            return Int(size.ws_col)
        }
        return 80
    }

    /// Writes a line to standard error, sanitised: it may quote a holder's words.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data((TerminalText.sanitized(text, keepingLineBreaks: true) + "\n").utf8))
    }

    /// Writes text to standard output.
    static func print(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
