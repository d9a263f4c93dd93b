public import Foundation

/// The JSON settings bk uses for wire documents and its own output.
public enum JSONCoding {
    /// An encoder for bk's own output: pretty, stable key order, no escaped slashes.
    public static func encoder(pretty: Bool = true) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// Decodes `type` from bytes with the strict reader (PROTOCOL §0), describing the first
    /// problem in words: duplicate member names, invalid UTF-8 and non-integer numbers where an
    /// integer is required are refused, whoever wrote the bytes.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws(DecodingProblem) -> T {
        try decode(type, from: try parse(bytes))
    }

    /// Parses bytes with the strict reader.
    public static func parse(_ bytes: [UInt8]) throws(DecodingProblem) -> JSONValue {
        do {
            return try StrictJSONParser.parse(bytes)
        } catch {
            throw DecodingProblem(summary: error.description)
        }
    }

    /// Decodes `type` from an already parsed value.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(DecodingProblem) -> T {
        do {
            return try JSONValueDecoder.decode(type, from: value, codingPath: [])
        } catch let error as DecodingError {
            throw DecodingProblem(error)
        } catch {
            throw DecodingProblem(summary: "\(error)")
        }
    }

    /// Encodes a value as compact JSON bytes.
    public static func encode<T: Encodable>(_ value: T) throws(EncodingProblem) -> [UInt8] {
        do {
            return Array(try encoder(pretty: false).encode(value))
        } catch {
            throw EncodingProblem(description: "\(T.self) cannot be written as JSON: \(error)")
        }
    }
}

/// A JSON document that does not have the expected shape, described for people.
public struct DecodingProblem: Error, CustomStringConvertible, Sendable {
    public let summary: String

    init(summary: String) { self.summary = summary }

    init(_ error: DecodingError) {
        func path(_ context: DecodingError.Context) -> String {
            let names = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return names.isEmpty ? "the document" : String(names.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context)
            summary = "missing '\(key.stringValue)' in \(parent)"
        case .typeMismatch(let type, let context):
            summary = "\(path(context)) is not \(Self.name(of: type)) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            summary = "\(path(context)) is null, expected \(Self.name(of: type))"
        case .dataCorrupted(let context):
            summary = context.codingPath.isEmpty ? "not valid JSON" : "\(path(context)): \(context.debugDescription)"
        @unknown default:
            summary = "not the expected JSON"
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: "an integer"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "the expected kind of value"
        }
    }

    public var description: String { summary }
}

/// A value that cannot be written as JSON (a number JSON cannot hold): bk's own models never
/// are, but the caller is told rather than handed empty bytes.
public struct EncodingProblem: Error, CustomStringConvertible, Sendable {
    public let description: String
}
