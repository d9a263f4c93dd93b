import ArgumentParser
import BlauweKnop

/// A duration on the command line: `30s`, `5m`, `2h`, `14d`, or bare seconds (`0.5`, `30`).
/// Only finite, non-negative values up to the library's maximum parse; each option then
/// checks its own range.
struct DurationArgument: ExpressibleByArgument, Sendable, CustomStringConvertible {
    let seconds: Double
    private let text: String

    init?(argument: String) {
        guard let seconds = Durations.parseSeconds(argument) else { return nil }
        self.seconds = seconds
        self.text = argument
    }

    init(seconds: Double) {
        self.seconds = seconds
        self.text = seconds == seconds.rounded() ? "\(Int(seconds))s" : "\(seconds)s"
    }

    var description: String { text }
    var defaultValueDescription: String { text }

    /// Whole seconds, rounded up.
    var wholeSeconds: Int { Int(seconds.rounded(.up)) }

    /// Throws a usage error unless `low < seconds <= high`.
    func require(_ option: String, above low: Double = 0, atMost high: Double) throws {
        guard seconds > low, seconds <= high else {
            throw UsageProblem.error(
                .usageDuration,
                [
                    "option": option, "low": "\(Int(low))", "high": "\(DurationArgument(seconds: high))",
                    "value": TerminalText.sanitized(String(text.prefix(40))),
                ])
        }
    }

    static let oneDay = 86_400.0
}
