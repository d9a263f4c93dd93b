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
        try Self.checked(await outcome(of: request), expecting: statuses, step: step)
    }

    /// As `exchange`, decoding a JSON reply.
    func exchangeJSON<Reply: Decodable>(_ request: HTTPRequest, expecting statuses: Set<Int>, step: String) async throws(HolderFailure) -> Reply {
        try Self.reply(from: await outcome(of: request), expecting: statuses, step: step)
    }

    /// Sends a request with the retry policy and returns what came of it.
    func outcome(of request: HTTPRequest) async -> Result<HTTPResponse, TransportError> {
        do {
            return .success(try await send(request))
        } catch {
            return .failure(error)
        }
    }

    /// The response of a step with one of `statuses`, or the step's failure.
    static func checked(_ outcome: Result<HTTPResponse, TransportError>, expecting statuses: Set<Int>, step: String) throws(HolderFailure) -> HTTPResponse {
        let response: HTTPResponse
        switch outcome {
        case .success(let received): response = received
        case .failure(let error): throw HolderFailure.transport(error, step: step)
        }
        guard statuses.contains(response.status) else { throw HolderFailure.http(response, step: step) }
        return response
    }

    /// The decoded JSON reply of a step.
    static func reply<Reply: Decodable>(
        from outcome: Result<HTTPResponse, TransportError>, expecting statuses: Set<Int>, step: String
    ) throws(HolderFailure) -> Reply {
        try decoded(checked(outcome, expecting: statuses, step: step), step: step)
    }

    /// A checked response's body as JSON of a step.
    static func decoded<Reply: Decodable>(_ response: HTTPResponse, step: String) throws(HolderFailure) -> Reply {
        do {
            return try JSONCoding.decode(Reply.self, from: response.body)
        } catch {
            throw HolderFailure(.invalidDocument, "\(step): malformed answer: \(error)")
        }
    }
}
