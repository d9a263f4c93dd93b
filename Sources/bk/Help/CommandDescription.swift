import ArgumentParser
import BlauweKnop

/// A command as swift-argument-parser describes it (its tool description): the structure that
/// bk's own help and usage messages are built from, so they list exactly what parses.
struct CommandDescription {
    /// One option, flag or positional argument.
    struct Argument {
        enum Kind: String { case positional, option, flag }
        var kind: Kind
        var long: String?
        var short: String?
        var valueName: String?
        /// The English help the command declares.
        var abstract: String
        var defaultValue: String?
        var isShown: Bool

        /// The name the help catalogue knows it by: its long name, or the value name of a
        /// positional argument.
        var name: String { long ?? valueName ?? "" }
    }

    var path: [String]
    var abstract: String
    var discussion: String?
    var arguments: [Argument]
    var subcommands: [CommandDescription]

    /// `bk` itself with every subcommand.
    static func root() -> CommandDescription? {
        guard case .object(let top)? = try? StrictJSONParser.parse(Array(BK._dumpHelp().utf8)), case .object(let command)? = top["command"] else {
            return nil
        }
        return CommandDescription(command, path: [])
    }

    private init(_ fields: [String: JSONValue], path: [String]) {
        self.path = path
        abstract = Self.string(fields["abstract"]) ?? ""
        discussion = Self.string(fields["discussion"]).flatMap { $0.isEmpty ? nil : $0 }
        var arguments: [Argument] = []
        if case .array(let items)? = fields["arguments"] {
            for case .object(let item) in items { arguments.append(Self.argument(item)) }
        }
        self.arguments = arguments
        var subcommands: [CommandDescription] = []
        if case .array(let items)? = fields["subcommands"] {
            for case .object(let item) in items {
                subcommands.append(CommandDescription(item, path: path + [Self.string(item["commandName"]) ?? ""]))
            }
        }
        self.subcommands = subcommands
    }

    private static func string(_ value: JSONValue?) -> String? {
        if case .string(let text)? = value { return text }
        return nil
    }

    private static func argument(_ fields: [String: JSONValue]) -> Argument {
        var long: String?
        var short: String?
        if case .array(let names)? = fields["names"] {
            for case .object(let name) in names {
                switch string(name["kind"]) {
                case "long": long = long ?? string(name["name"])
                case "short": short = short ?? string(name["name"])
                default: break
                }
            }
        }
        var shown = true
        if case .bool(let value)? = fields["shouldDisplay"] { shown = value }
        return Argument(
            kind: Argument.Kind(rawValue: string(fields["kind"]) ?? "") ?? .option, long: long, short: short, valueName: string(fields["valueName"]),
            abstract: string(fields["abstract"]) ?? "", defaultValue: string(fields["defaultValue"]), isShown: shown)
    }

    /// The subcommand at `path` below this one.
    func find(_ path: [String]) -> CommandDescription? {
        guard let first = path.first else { return self }
        return subcommands.first { $0.path.last == first }?.find(Array(path.dropFirst()))
    }

    /// Whether the command at `path` only holds other commands (`bk`, `bk consent`).
    static func isGroup(_ path: [String]) -> Bool {
        var command: any ParsableCommand.Type = BK.self
        for name in path {
            guard let next = command.configuration.subcommands.first(where: { $0._commandName == name }) else { return false }
            command = next
        }
        return !command.configuration.subcommands.isEmpty
    }

    /// The command as typed: `bk consent grant`.
    var invocation: String { (["bk"] + path).joined(separator: " ") }
}
