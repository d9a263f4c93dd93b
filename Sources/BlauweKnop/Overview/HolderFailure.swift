/// Why one holder's flow ended without a merged document: a status of §7 and a sentence.
public struct HolderFailure: Error, Sendable, CustomStringConvertible {
    public let status: HolderStatus
    public let detail: String

    public init(_ status: HolderStatus, _ detail: String) {
        self.status = status
        self.detail = detail
    }

    public var description: String { detail }

    /// Classifies a transport failure during `step`.
    static func transport(_ error: TransportError, step: String) -> HolderFailure {
        let status: HolderStatus =
            switch error.code {
            case .timeout: .timeout
            case .tooLarge: .invalidDocument
            case .redirect: .httpError
            default: .unreachable
            }
        return HolderFailure(status, "\(step): \(error.detail)")
    }

    /// Classifies an HTTP status other than the expected one during `step`.
    static func http(_ response: HTTPResponse, step: String) -> HolderFailure {
        let status: HolderStatus = response.status == 401 || response.status == 403 ? .unauthorized : .httpError
        return HolderFailure(status, "\(step): HTTP \(response.status)\(ProblemDetails.summary(response.body))")
    }
}

extension HTTPClient {
    /// Sends a request for a holder flow step and insists on one of `statuses`.
    func exchange(_ request: HTTPRequest, expecting statuses: Set<Int>, step: String) async throws(HolderFailure) -> HTTPResponse {
        let response: HTTPResponse
        do {
            response = try await send(request)
        } catch {
            throw HolderFailure.transport(error, step: step)
        }
        guard statuses.contains(response.status) else { throw HolderFailure.http(response, step: step) }
        return response
    }

    /// As `exchange`, decoding a JSON reply.
    func exchangeJSON<Reply: Decodable>(_ request: HTTPRequest, expecting statuses: Set<Int>, step: String) async throws(HolderFailure) -> Reply {
        let response = try await exchange(request, expecting: statuses, step: step)
        do {
            return try JSONCoding.decode(Reply.self, from: response.body)
        } catch {
            throw HolderFailure(.invalidDocument, "\(step): malformed answer: \(error)")
        }
    }
}
