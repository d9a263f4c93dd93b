import ArgumentParser
import BlauweKnop

/// bk's own usage problems, found by a command's `validate()`: said in the run's language.
enum UsageProblem {
    /// swift-argument-parser hands on only the text of a validation error; this invisible
    /// first character tells bk's own sentences from the parser's English ones.
    static let marker: Character = "\u{2063}"

    /// A validation error that says `key` in the run's language (or `sentence`, already in it).
    static func error(_ key: MessageKey, _ values: [String: String] = [:], saying sentence: String? = nil) -> ValidationError {
        ValidationError(String(marker) + (sentence ?? Messages(RunLanguage.current)[key, values]))
    }
}
