/// What a request about a zaak asks for (PROTOCOL §11): its wire value.
public enum DisputeKind: String, Codable, Sendable, CaseIterable {
    /// An objection to a decision (Awb 6:4), which may ask for deferral of payment.
    case bezwaar
    /// Rectification of personal data (AVG art. 16).
    case correctie
    /// Erasure of personal data (AVG art. 17).
    case verwijdering
}
