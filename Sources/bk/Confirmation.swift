import ArgumentParser
import BlauweKnop
import Foundation

/// The question a command asks on the terminal before it acts for the citizen (give consent,
/// file a request, share data), unless `--yes` was given.
enum Confirmation {
    /// Returns when the person typed yes. Ends the command with 64 where nobody can be asked
    /// (standard input or error is no terminal), with 1 when the answer was not yes.
    static func ask(_ question: MessageKey, needsYes: MessageKey, cancelled: MessageKey, messages text: Messages) throws {
        guard Terminal.standardErrorIsTerminal, isatty(STDIN_FILENO) == 1 else {
            Terminal.note(text[needsYes])
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        FileHandle.standardError.write(Data((text[question] + " ").utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        guard answer == text[.answerYes] || answer == "y" || answer == "j" else {
            Terminal.note(text[cancelled])
            throw ExitCode(ExitStatus.failure.rawValue)
        }
    }
}
