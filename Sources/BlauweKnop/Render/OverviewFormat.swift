import Foundation

/// The output formats of `bk overview`.
public enum OverviewFormat: String, Sendable, CaseIterable {
    case table
    case json
    case xml

    /// Renders an overview in this format; only XML can refuse (see `OverviewXML.render`).
    public func render(_ overview: Overview, detail: Bool = false, style: TableStyle = TableStyle()) throws(OverviewRenderError) -> String {
        switch self {
        case .table: OverviewTable(overview: overview, detail: detail, style: style).render()
        case .json: OverviewJSON.render(overview)
        case .xml: try OverviewXML.render(overview)
        }
    }
}

/// The overview as JSON (PROTOCOL §8, `Schemas/overview.schema.json`).
public enum OverviewJSON {
    public static func render(_ overview: Overview) -> String {
        let data = (try? JSONCoding.encoder().encode(overview)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
