import BlauweKnop
import Hummingbird
import NIOCore

/// Response helpers: JSON, RFC 9457 problems and JOSE bodies.
enum HolderResponse {
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        guard let body = try? JSONCoding.encode(value) else { return problem(.internalServerError, "The answer could not be written") }
        return bytes(body, contentType: "application/json", status: status)
    }

    static func problem(_ status: HTTPResponse.Status, _ title: String, detail: String? = nil) -> Response {
        let problem = ProblemDetails(type: "about:blank", title: title, status: Int(status.code), detail: detail)
        // A problem of strings and a number is always written; the fallback is the same in words.
        let body = (try? JSONCoding.encode(problem)) ?? Array(#"{"type":"about:blank","title":"Internal Server Error","status":500}"#.utf8)
        return bytes(body, contentType: "application/problem+json", status: status)
    }

    static func jose(_ compact: String, headers extra: HTTPFields = [:]) -> Response {
        var response = bytes(Array(compact.utf8), contentType: "application/jose", status: .ok)
        response.headers.append(contentsOf: extra)
        return response
    }

    static func bytes(_ body: [UInt8], contentType: String, status: HTTPResponse.Status) -> Response {
        Response(
            status: status, headers: [.contentType: contentType, .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}

extension Request {
    /// Reads and decodes a small JSON body; `nil` when it is missing, too large or malformed.
    func decodeJSON<Value: Decodable>(_ type: Value.Type, limit: Int = 64 << 10) async -> Value? {
        guard let buffer = try? await body.collect(upTo: limit) else { return nil }
        return try? JSONCoding.decode(type, from: Array(buffer.readableBytesView))
    }
}
