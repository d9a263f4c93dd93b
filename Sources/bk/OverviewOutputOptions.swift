import ArgumentParser
import BlauweKnop
import Foundation

/// The form an overview is written in, as `--format` names it.
enum OverviewFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case table, json, xml, pdf

    var form: OverviewOutput.Form { OverviewOutput.Form(rawValue: rawValue) ?? .table }
}

extension OverviewOutput {
    /// The choice for a command's `--format` and `--output`, or a usage error (exit 64) said in
    /// the run's language.
    static func chosen(format: OverviewFormatArgument?, output: String?, messages: Messages) throws -> OverviewOutput {
        do {
            return try choose(format: format?.form, output: output, standardOutputIsTerminal: Terminal.standardOutputIsTerminal)
        } catch {
            let key: MessageKey =
                switch error.code {
                case .formAsFileName: .usageFormatAsFileName
                case .unknownExtension: .usageUnknownExtension
                default: .usagePDFToTerminal
                }
            throw UsageProblem.error(key, saying: messages[key, error.values.mapValues { TerminalText.sanitized($0) }])
        }
    }

    /// Writes the overview in the chosen form, then says on a terminal where it went (and, for
    /// a PDF, how many pages it has).
    /// - Parameter paperCodes: for a PDF, the QR codes by OIN (PROTOCOL §12.3).
    func write(_ overview: Overview, detail: Bool, presentation: Presentation, paperCodes: [String: String] = [:]) throws {
        var pages: Int?
        if form == .pdf {
            let bytes = try OverviewPDF.render(overview, language: presentation.messages.language, paperCodes: paperCodes)
            try presentation.write(bytes, to: path, mode: 0o600)
            pages = OverviewPDF.pageCount(of: bytes)
        } else {
            let style = presentation.tableStyle(toTerminal: path == nil && Terminal.standardOutputIsTerminal)
            let text = try OverviewFormat(rawValue: form.rawValue).map { try $0.render(overview, detail: detail, style: style) } ?? ""
            try presentation.write(text, to: path, mode: 0o600)
        }
        guard let path, Terminal.standardErrorIsTerminal else { return }
        let client = overview.consent != nil
        let shown = ["path": TerminalText.sanitized(path)]
        guard let pages else { return presentation.note(client ? .writtenClientOverview : .writtenOverview, shown) }
        let count = presentation.messages[pages == 1 ? .pageCountOne : .pageCountMany, ["count": "\(pages)"]]
        presentation.note(client ? .writtenClientOverviewPages : .writtenOverviewPages, shown.merging(["pages": count]) { $1 })
    }
}
