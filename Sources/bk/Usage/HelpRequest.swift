import BlauweKnop
import Foundation

/// Whether the arguments ask for help (`bk help [COMMAND…]`, `bk [COMMAND…] --help` or `-h`,
/// or a command group without its command, as `bk consent`), and for which command.
enum HelpRequest {
    /// The command path help is asked for, or nil when the arguments ask for none. Arguments
    /// after `--` are never read as a request for help.
    static func path(_ arguments: [String]) -> [String]? {
        let words = Self.words(arguments)
        if words.first == "help" { return Array(words.dropFirst().prefix { !$0.hasPrefix("-") }) }
        let path = Array(words.prefix(ArgumentOrder.commandPath(words, root: BK.self)))
        if words.contains("--help") || words.contains("-h") { return path }
        // A group without its command (`bk`, `bk consent`) says what it holds.
        if words.count == path.count, CommandDescription.isGroup(path), !words.contains("--version") { return path }
        return nil
    }

    /// The arguments before any `--`, without the options every command shares (and their
    /// values): the command path first.
    static func words(_ arguments: [String]) -> [String] {
        withoutGlobalOptions(arguments.prefix { $0 != "--" })
    }

    private static func withoutGlobalOptions(_ arguments: ArraySlice<String>) -> [String] {
        var words: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if ArgumentOrder.flags.contains(argument) {
                index += 1
            } else if ArgumentOrder.valueOptions.contains(name) {
                index += argument.contains("=") ? 1 : 2
            } else {
                words.append(argument)
                index += 1
            }
        }
        return words
    }
}

/// Writes the help page for a command path to standard output, or says that a name in it is
/// no command (with the nearest one).
enum HelpCommandPage {
    static func write(path: [String]) throws {
        let text = Messages(RunLanguage.current)
        guard let root = CommandDescription.root() else { throw UsageProblem.error(.usageOther) }
        var command = root
        for name in path {
            guard let next = command.find([name]) else {
                throw UsageProblem.error(.usageOther, saying: UsageMessage.unknownCommand(name, under: command, text: text))
            }
            command = next
        }
        Terminal.print(HelpPage(command: command, text: text, width: Terminal.width(environment: ProcessInfo.processInfo.environment)).render())
    }
}
