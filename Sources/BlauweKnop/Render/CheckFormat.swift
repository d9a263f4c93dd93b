import Foundation

/// The output formats of `bk check`.
public enum CheckFormat: String, Sendable, CaseIterable {
    case table
    case json
    case junit

    public func render(_ report: CheckReport, style: TableStyle = TableStyle()) -> String {
        switch self {
        case .table: Self.table(report, style: style)
        case .json: String(decoding: (try? JSONCoding.encoder().encode(report)) ?? Data(), as: UTF8.self) + "\n"
        case .junit: Self.junit(report)
        }
    }

    static func table(_ report: CheckReport, style: TableStyle) -> String {
        let text = style.messages
        var table = FittingTable([
            .init(header: text[.checkColumnEndpoint]), .init(header: text[.checkColumnCheck]), .init(header: text[.checkColumnResult]),
            .init(header: "ms", rightAligned: true, dropPriority: 0), .init(header: text[.checkColumnDetail], flexible: true, wraps: true),
        ])
        for probe in report.cases {
            let outcome: MessageKey =
                switch probe.outcome {
                case .pass: .outcomePass
                case .warning: .outcomeWarning
                case .error: .outcomeError
                case .skipped: .outcomeSkipped
                }
            table.add([
                .init(probe.group), .init(probeName(probe.name, messages: text)), .init(text[outcome], alert: probe.outcome == .error),
                .init("\(probe.durationMs)"),
                .init(detail(probe, messages: text, verbose: style.verbose)),
            ])
        }
        let summary = text[
            .checkSummary,
            [
                "total": "\(report.cases.count)", "pass": "\(report.count(.pass))", "warning": "\(report.count(.warning))",
                "error": "\(report.count(.error))", "skipped": "\(report.count(.skipped))",
            ]]
        return (table.render(width: style.width, color: style.color) + ["", summary]).joined(separator: "\n") + "\n"
    }

    /// A probe's name in the reader's language (the reports keep the English identifier).
    static func probeName(_ name: String, messages text: Messages) -> String {
        let keys: [String: MessageKey] = [
            "signature": .probeSignature, "expiry": .probeExpiry, "keys": .probeKeys, "requesters": .probeRequesters, "oins": .probeOINs, "tls": .probeTLS,
            "discovery": .probeDiscovery, "challenge": .probeChallenge, "fetch": .probeFetch,
        ]
        return keys[name].map { text[$0] } ?? name
    }

    /// The detail for people: the notes in their language; with `verbose` (or when a case has
    /// no notes) the technical message too.
    static func detail(_ probe: CheckCase, messages text: Messages, verbose: Bool) -> String {
        let notes = probe.notes.map { note in
            // A moment is kept as RFC 3339 in the report, and said as people write it here.
            var values = note.values
            if let moment = values["moment"] { values["moment"] = text.moment(moment) }
            return text[note.key, values]
        }.joined(separator: "; ")
        guard verbose || notes.isEmpty else { return notes }
        guard let message = probe.message, !message.isEmpty else { return notes }
        return notes.isEmpty ? message : "\(notes) (\(message))"
    }

    /// JUnit XML: one testsuite for the scheme, one testcase per probe; errors are `<failure>`,
    /// warnings are passing cases with their message in `<system-out>`.
    static func junit(_ report: CheckReport) -> String {
        let seconds = Double(report.cases.reduce(0) { $0 + $1.durationMs }) / 1000
        let name = "bk check \(report.environment ?? "") scheme v\(report.schemeVersion.map(String.init) ?? "?")"
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml +=
            #"<testsuites name="\#(attribute(name))" tests="\#(report.cases.count)" failures="\#(report.count(.error))" errors="0" time="\#(time(seconds))">"#
            + "\n"
        xml +=
            #"  <testsuite name="\#(attribute(name))" tests="\#(report.cases.count)" failures="\#(report.count(.error))" errors="0" skipped="\#(report.count(.skipped))" time="\#(time(seconds))">"#
            + "\n"
        for probe in report.cases {
            let open =
                #"    <testcase classname="\#(attribute(probe.group))" name="\#(attribute(probe.name))" time="\#(time(Double(probe.durationMs) / 1000))""#
            let message = attribute(probe.message ?? "")
            switch probe.outcome {
            case .pass:
                xml += open + "/>\n"
            case .warning:
                xml += open + ">\n      <system-out>WARNING: \(OverviewXML.escapeForReport(probe.message ?? ""))</system-out>\n    </testcase>\n"
            case .error:
                xml +=
                    open
                    + ">\n      <failure type=\"\(probe.name)\" message=\"\(message)\">\(OverviewXML.escapeForReport(probe.message ?? ""))</failure>\n    </testcase>\n"
            case .skipped:
                xml += open + ">\n      <skipped message=\"\(message)\"/>\n    </testcase>\n"
            }
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    private static func attribute(_ text: String) -> String {
        OverviewXML.escapeForReport(text).replacingOccurrences(of: "\n", with: "&#10;")
    }

    private static func time(_ seconds: Double) -> String { String(format: "%.3f", seconds) }
}
