import BlauweKnop

/// `bk help`, `bk COMMAND --help`: one page in the run's language, built from what the command
/// declares. Its own options come first, then the options every command shares, then the
/// connection options in a section of their own (PROTOCOL §9); examples and exit codes last.
struct HelpPage {
    /// The options every command shares that are about where and how bk connects.
    static let connectionOptions: Set<String> = [
        "scheme-url", "trust-anchor", "environment", "cacert", "state-dir", "connect-timeout", "request-timeout", "low-speed-limit",
        "low-speed-time", "max-connections", "engine-threads",
    ]
    /// The options every command shares that are about how bk talks.
    static let generalOptions = ["lang", "verbose", "quiet", "no-color", "config", "version", "help"]

    let command: CommandDescription
    let text: Messages
    let width: Int

    var language: Language { text.language }

    /// The page, ending in a line feed.
    func render() -> String {
        var blocks = [wrapped(abstract(of: command), indent: 0), text[.helpUsage] + ": " + usage()]
        let shown = command.arguments.filter { $0.isShown }
        let commands = command.subcommands.filter { $0.path.last != "help" }.map { ($0.path.last ?? "", abstract(of: $0)) }
        // One column for the whole page, so that its sections line up.
        let column = min(30, ((commands.map(\.0) + shown.map(syntax)).map(\.count).max() ?? 0) + 4)
        if !commands.isEmpty { blocks.append(text[.helpCommands] + ":\n" + table(commands, column: column)) }
        let own = shown.filter { !Self.connectionOptions.contains($0.name) && !Self.generalOptions.contains($0.name) }
        let general = shown.filter { Self.generalOptions.contains($0.name) }.sorted {
            (Self.generalOptions.firstIndex(of: $0.name) ?? 0) < (Self.generalOptions.firstIndex(of: $1.name) ?? 0)
        }
        let connection = shown.filter { Self.connectionOptions.contains($0.name) }
        for (heading, arguments) in [(MessageKey.helpOptions, own), (.helpGeneralOptions, general), (.helpConnectionOptions, connection)]
        where !arguments.isEmpty {
            blocks.append(text[heading] + ":\n" + table(arguments.map { (syntax($0), help(for: $0)) }, column: column))
        }
        if let discussion = discussion(of: command) {
            blocks.append(discussion.split(separator: "\n", omittingEmptySubsequences: false).map { wrapped(String($0), indent: 0) }.joined(separator: "\n"))
        }
        if !command.subcommands.isEmpty { blocks.append(text[.helpMoreAboutCommand, ["command": command.invocation]]) }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func usage() -> String {
        if !command.subcommands.isEmpty { return command.invocation + " " + text[.helpCommandPlaceholder] }
        let positionals = command.arguments.filter { $0.kind == .positional && $0.isShown }.map { valueName($0) }
        return ([command.invocation, "[" + text[.helpOptionsPlaceholder] + "]"] + positionals).joined(separator: " ")
    }

    private func abstract(of command: CommandDescription) -> String {
        language == .nl ? DutchHelp.commands[command.path.joined(separator: " ")]?.abstract ?? command.abstract : command.abstract
    }

    private func discussion(of command: CommandDescription) -> String? {
        language == .nl ? DutchHelp.commands[command.path.joined(separator: " ")]?.discussion : command.discussion
    }

    private func help(for argument: CommandDescription.Argument) -> String {
        var help = argument.abstract
        if language == .nl {
            let key = "--" + argument.name
            help = DutchHelp.options[command.path.joined(separator: " ") + " " + key] ?? DutchHelp.options[key] ?? help
        }
        let saysDefault = help.contains(language == .nl ? "standaard" : "default")
        if let value = argument.defaultValue, argument.kind == .option, !value.isEmpty, !saysDefault {
            help += " (" + text[.helpDefault, ["value": value]] + ")"
        }
        return help
    }

    private func valueName(_ argument: CommandDescription.Argument) -> String {
        ValueNames.name(argument.valueName ?? argument.name, in: language)
    }

    private func syntax(_ argument: CommandDescription.Argument) -> String {
        if argument.kind == .positional { return valueName(argument) }
        let names = [argument.short.map { "-" + $0 }, argument.long.map { "--" + $0 }].compactMap { $0 }.joined(separator: ", ")
        return argument.kind == .option ? names + " " + valueName(argument) : names
    }

    /// Two columns, the right one starting at `column`; a left entry too wide for it puts its
    /// text on the next line.
    private func table(_ rows: [(String, String)], column: Int) -> String {
        rows.map { left, right in
            let head = "  " + left
            let body = wrapped(right, indent: column)
            let bodyText = String(body.dropFirst(column))
            return head.count + 2 <= column ? head + String(repeating: " ", count: column - head.count) + bodyText : head + "\n" + body
        }.joined(separator: "\n")
    }

    /// `text` broken between words to the page width, every line indented by `indent`.
    private func wrapped(_ text: String, indent: Int) -> String {
        let lead = String(repeating: " ", count: indent)
        let own = String(text.prefix { $0 == " " })
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = own + word
            } else if indent + current.count + 1 + word.count > width {
                lines.append(current)
                current = own + word
            } else {
                current += " " + word
            }
        }
        lines.append(current)
        return lines.map { lead + $0 }.joined(separator: "\n")
    }
}
