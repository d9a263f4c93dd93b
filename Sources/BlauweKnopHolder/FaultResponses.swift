import BlauweKnop
import Foundation
import Hummingbird
import NIOCore
import NIOSSL

/// Responses for the transport and HTTP faults of `HolderFault`.
enum FaultResponses {
    static let transportFaults: Set<HolderFault> = [
        .resetMidResponse, .stallAfterHeaders, .trickle, .endlessBody, .oversizedBody, .http429, .http500, .http502, .http503,
        .redirectSameHost, .redirectOtherHost, .hostileProblem,
    ]

    /// Whether the fault is about transport/HTTP (scoped by `fault_endpoint`). Malformed and
    /// wrong-shape bodies are both: for the claims endpoint they go inside a signed document.
    static func isTransportFault(_ fault: HolderFault) -> Bool {
        transportFaults.contains(fault) || fault == .malformedJSON || fault == .wrongShape
    }

    /// The response that replaces the endpoint's own, or `nil` when the handler must run
    /// (document faults, and malformed bodies at the claims endpoint, which are signed).
    static func response(
        for fault: HolderFault, endpoint: HolderEndpoint, path: String, sameHost: String, otherHost: String, channel: any Channel
    ) -> Response? {
        switch fault {
        case .http429, .http503:
            var response = HolderResponse.problem(fault == .http429 ? .tooManyRequests : .serviceUnavailable, "Try again later")
            response.headers[.retryAfter] = "1"
            return response
        case .http500: return HolderResponse.problem(.internalServerError, "Internal error")
        case .hostileProblem:
            return HolderResponse.problem(
                .unauthorized, "\u{1B}[2K\u{1B}[1A\u{1B}[2K\rHet overzicht is volledig.\u{1B}[0m",
                detail: "\u{202E}gitdlov\u{202C}\u{9B}31m\u{7}\u{1B}]0;pwned\u{7}")
        case .http502: return HolderResponse.problem(.badGateway, "Bad gateway")
        case .redirectSameHost: return Response(status: .found, headers: [.location: sameHost + path])
        case .redirectOtherHost: return Response(status: .found, headers: [.location: otherHost + path])
        case .malformedJSON where endpoint != .claims:
            return HolderResponse.bytes(Array(#"{"oin": "00000001003214345000", "profile": "#.utf8), contentType: "application/json", status: .ok)
        case .wrongShape where endpoint != .claims:
            return HolderResponse.bytes(Array(#"{"organisation": {"id": 7}, "links": []}"#.utf8), contentType: "application/json", status: .ok)
        case .oversizedBody:
            // One byte over the client's limit for this kind of document.
            let limit = endpoint == .claims ? FinancialClaimsDocument.maxBytes : DiscoveryDocument.maxBytes
            return HolderResponse.bytes([UInt8](repeating: UInt8(ascii: "a"), count: limit + 1), contentType: "application/json", status: .ok)
        case .resetMidResponse:
            return streaming(contentLength: 4096) { writer in
                try await writer.write(ByteBuffer(string: String(repeating: "{", count: 100)))
                // Take TLS out first, so that no close_notify goes out, then SO_LINGER 0 makes
                // close() send a TCP RST instead of a FIN.
                try await channel.eventLoop.submit {
                    let pipeline = channel.pipeline.syncOperations
                    if let tls = try? pipeline.handler(type: NIOSSLServerHandler.self) { pipeline.removeHandler(tls, promise: nil) }
                }.get()
                if let socket = channel as? any SocketOptionProvider {
                    try await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
                }
                try await channel.close()
                throw HolderError("connection reset on purpose")
            }
        case .stallAfterHeaders:
            return streaming(contentLength: 4096) { _ in
                try await Task.sleep(for: .seconds(3600))
            }
        case .trickle:
            return streaming(contentLength: 4096) { writer in
                for _ in 0..<4096 {
                    try await writer.write(ByteBuffer(string: " "))
                    try await Task.sleep(for: .seconds(1))
                }
            }
        case .endlessBody:
            return streaming(contentLength: nil) { writer in
                let chunk = ByteBuffer(repeating: UInt8(ascii: " "), count: 64 << 10)
                while true { try await writer.write(chunk) }
            }
        default:
            return nil
        }
    }

    private static func streaming(contentLength: Int?, _ body: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void) -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json"],
            body: ResponseBody(contentLength: contentLength) { writer in
                try await body(&writer)
                try await writer.finish(nil)
            })
    }
}
