import ArgumentParser
import BlauweKnop

/// A usage error (exit 64) said in the run's language, with the next step: the nearest command
/// or option for a typo, the values an option takes, and where the help is. swift-argument-parser
/// says its own errors in English only, so bk reads their (stable) shape and says them itself;
/// a shape it does not know is said generically, with the parser's words under `--verbose`.
struct UsageMessage {
    let text: Messages
    /// The arguments as parsed (global options already moved behind the command).
    let arguments: [String]
    let verbose: Bool

    /// The lines for standard error, or nil when `error` is no usage error.
    func render(_ error: any Error) -> String? {
        guard BK.exitCode(for: error) == .validationFailure else { return nil }
        let parserWords = BK.message(for: error)
        let root = CommandDescription.root()
        let path = Array(arguments.prefix(ArgumentOrder.commandPath(arguments, root: BK.self)))
        let command = root?.find(path)
        let invocation = (["bk"] + path).joined(separator: " ")
        var sentence = describe(parserWords, command: command, invocation: invocation)
        if sentence == nil {
            sentence = text[.usageOther]
            if verbose { sentence = (sentence ?? "") + " (" + TerminalText.sanitized(parserWords) + ")" }
        }
        let help = text[.usageSeeHelp, ["command": invocation]]
        return "\(text[.errorPrefix]): \(sentence ?? "")\n  \(help)"
    }

    /// The parser's error in the reader's words, or nil for a shape bk does not know.
    private func describe(_ words: String, command: CommandDescription?, invocation: String) -> String? {
        if words.first == UsageProblem.marker { return String(words.dropFirst()) }
        // Under a group (`bk`, `bk consent`) the first word that is no option names a command;
        // the parser may stumble first on a global option that only commands take.
        if let command, !command.subcommands.isEmpty, let word = HelpRequest.words(arguments).dropFirst(command.path.count).first, !word.hasPrefix("-") {
            return Self.unknownCommand(word, under: command, text: text)
        }
        if let match = words.firstMatch(of: /^Unexpected argument '(.*)'$/) {
            return text[.usageUnexpectedArgument, ["value": shown(match.1), "command": invocation]]
        }
        if let match = words.firstMatch(of: /^Unknown option '([^']*)'/) {
            let options = (command?.arguments ?? []).compactMap { $0.long.map { "--" + $0 } }
            let suggestion = Suggestion.nearest(to: String(match.1), among: options).map { text[.usageDidYouMean, ["suggestion": $0]] }
            return [text[.usageUnknownOption, ["value": shown(match.1), "command": invocation]], suggestion].compactMap { $0 }.joined(separator: " ")
        }
        if let match = words.firstMatch(of: /^The option '(-[^ ']+)' does not take any value, but '(.*)' was specified/) {
            return text[.usageFlagTakesNoValue, ["option": String(match.1), "value": shown(match.2)]]
        }
        if let match = words.firstMatch(of: /^Missing value for '(-[^ ']+)/) {
            return text[.usageMissingValue, ["option": String(match.1)]]
        }
        if let match = words.firstMatch(of: /^The value '(.*)' is invalid for '(-[^ ']+)[^']*'/) {
            let said = text[.usageInvalidValue, ["value": shown(match.1), "option": String(match.2)]]
            let choices = words.firstMatch(of: /Please provide one of (.*)\.$/).map { list in
                String(list.1).matches(of: /'([^']*)'/).map { String($0.1) }
            }
            guard let choices, !choices.isEmpty else { return said }
            return said + " " + text[.usageChoices, ["choices": listed(choices)]]
        }
        if let match = words.firstMatch(of: /^Missing expected argument '<?([^'>]*)>?(?: \.\.\.)?'/) {
            let argument = ValueNames.name(String(match.1), in: text.language)
            return text[.usageMissingArgument, ["command": invocation, "argument": argument]]
        }
        return nil
    }

    /// "'overveiw' is not a bk command. Did you mean 'bk overview'?": a word that names no
    /// command of `group`, with the nearest one when it is close enough.
    static func unknownCommand(_ word: String, under group: CommandDescription, text: Messages) -> String {
        let names = group.subcommands.compactMap(\.path.last)
        let suggestion = Suggestion.nearest(to: word, among: names).map { text[.usageDidYouMean, ["suggestion": group.invocation + " " + $0]] }
        return [text[.usageUnknownCommand, ["value": TerminalText.sanitized(String(word.prefix(60)))]], suggestion].compactMap { $0 }.joined(separator: " ")
    }

    /// What the user typed, safe for a terminal and not too long.
    private func shown(_ value: Substring) -> String { TerminalText.sanitized(String(value.prefix(60))) }

    /// `a, b or c` in the reader's language.
    private func listed(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " " + text[.listOr] + " " + last
    }
}
