/// The App Manager's wire messages (PROTOCOL §3), shared by the client and the reference holder.
public enum AppManagerMessages {
    /// `POST <registration_url>`.
    public struct RegistrationRequest: Codable, Sendable {
        public var appPublicKey: JWK
        public var clientName: String?

        enum CodingKeys: String, CodingKey {
            case appPublicKey = "app_public_key"
            case clientName = "client_name"
        }

        public init(appPublicKey: JWK, clientName: String?) {
            self.appPublicKey = appPublicKey
            self.clientName = clientName
        }
    }

    /// The `201` answer to a registration.
    public struct Registration: Codable, Sendable {
        public var registrationID: String
        public var authenticationURL: String
        public var pollURL: String

        enum CodingKeys: String, CodingKey {
            case registrationID = "registration_id"
            case authenticationURL = "authentication_url"
            case pollURL = "poll_url"
        }

        public init(registrationID: String, authenticationURL: String, pollURL: String) {
            self.registrationID = registrationID
            self.authenticationURL = authenticationURL
            self.pollURL = pollURL
        }
    }

    /// `POST <authentication_url>` in test environments: the stand-in for DigiD.
    public struct TestAuthentication: Codable, Sendable {
        public var bsn: String

        public init(bsn: String) { self.bsn = bsn }
    }

    /// `GET <poll_url>`: `pending`, `completed` (with the credential) or `rejected`.
    public struct Status: Codable, Sendable {
        public var status: String
        public var credential: String?

        public init(status: String, credential: String? = nil) {
            self.status = status
            self.credential = credential
        }
    }
}
