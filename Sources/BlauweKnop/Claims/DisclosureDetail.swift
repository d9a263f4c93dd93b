/// How much of a citizen's data a document discloses: the whole document of PROTOCOL §5
/// (`full`), or only the figures (`saldo`, §10.5). A consent names one (`Consent.Detail`).
public enum DisclosureDetail: String, Codable, Sendable, CaseIterable {
    case full, saldo
}
