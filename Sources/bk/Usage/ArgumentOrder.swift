import ArgumentParser

/// Lets global options stand before the subcommand, as in `bk --lang en overview` (git, gh and
/// kubectl accept both places): swift-argument-parser reads an `@OptionGroup` only after the
/// command that declares it, so leading global options are moved behind the subcommand path.
enum ArgumentOrder {
    /// Global options that take a value.
    static let valueOptions: Set<String> = [
        "--scheme-url", "--trust-anchor", "--environment", "--cacert", "--state-dir", "--config", "--lang", "--connect-timeout",
        "--request-timeout", "--low-speed-limit", "--low-speed-time", "--max-connections", "--engine-threads",
    ]
    /// Global flags.
    static let flags: Set<String> = ["--no-color", "--verbose", "-v", "--quiet", "-q", "--require-encryption"]

    /// The arguments with leading global options moved behind the subcommand path.
    static func normalized(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var leading: [String] = []
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
            if flags.contains(argument) {
                leading.append(argument)
                index += 1
            } else if valueOptions.contains(name) {
                leading.append(argument)
                if !argument.contains("="), index + 1 < arguments.endIndex { leading.append(arguments[index + 1]); index += 1 }
                index += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var rest = Array(arguments[index...])
        let path = commandPath(rest, root: root)
        rest.insert(contentsOf: leading, at: path)
        return rest
    }

    /// How many of the leading arguments name (sub)commands.
    static func commandPath(_ arguments: [String], root: any ParsableCommand.Type) -> Int {
        var command = root
        var count = 0
        for argument in arguments {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            command = next
            count += 1
        }
        return count
    }

    /// The value given to `option` (`--lang en` or `--lang=en`) before any `--`.
    static func value(of option: String, in arguments: [String]) -> String? {
        var found: String?
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { break }
            if argument == option, index + 1 < arguments.count {
                found = arguments[index + 1]
            } else if argument.hasPrefix(option + "=") {
                found = String(argument.dropFirst(option.count + 1))
            }
        }
        return found
    }
}
