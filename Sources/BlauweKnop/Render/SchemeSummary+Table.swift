extension SchemeSummary {
    /// A table for people, fitting the style's width.
    public func table(style: TableStyle = TableStyle()) -> String {
        let text = style.messages
        var lines = [
            text[.schemeTitle, ["environment": TerminalText.sanitized(environment), "version": "\(version)", "issuer": iss]],
            text[.schemeValidity, ["from": text.moment(issuedAt), "until": text.moment(expiresAt)]], "",
        ]
        for (title, entries) in [(text[.schemeColumnOrganization], organizations), (text[.schemeColumnAppManager], appManagers)] {
            // Key ids shortened to their first 8 characters, as people compare them; the JSON form
            // has them whole.
            var table = FittingTable([
                .init(header: title, flexible: true), .init(header: text[.schemeColumnShortName]), .init(header: "OIN"),
                .init(header: text[.schemeColumnURL], dropPriority: 0), .init(header: text[.schemeColumnKeys]),
            ])
            for entry in entries {
                table.add([
                    .init(TerminalText.sanitized(entry.name)), .init(TerminalText.sanitized(entry.shortName ?? "-")), .init(entry.oin),
                    .init(TerminalText.sanitized(entry.url)), .init(entry.keyIDs.map { String($0.prefix(8)) }.joined(separator: " ")),
                ])
            }
            lines += table.render(width: style.width, color: false)
            lines.append("")
        }
        if !requesters.isEmpty {
            var table = FittingTable([
                .init(header: text[.schemeColumnRequester], flexible: true), .init(header: "OIN"), .init(header: text[.schemeColumnKeys], dropPriority: 0),
            ])
            for entry in requesters {
                table.add([
                    .init(TerminalText.sanitized(entry.name)), .init(entry.oin), .init(entry.keyIDs.map { String($0.prefix(8)) }.joined(separator: " ")),
                ])
            }
            lines += table.render(width: style.width, color: false)
            // Purposes as sentences under the table: they are too long for a column.
            for entry in requesters {
                let days = text[.schemeMaxDays, ["days": "\(entry.maxConsentDays)"]]
                lines.append(
                    Prose.wrap("\(text[.schemeColumnPurposes]) (\(entry.oin)): \(entry.purposes.joined(separator: ", ")); \(days)", width: style.width))
            }
            lines.append("")
        }
        return lines.dropLast().joined(separator: "\n") + "\n"
    }
}
