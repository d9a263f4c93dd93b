/// The scheme's parties by what a person types: an OIN, a short name or a full name, with
/// the names compared without regard to case.
extension SchemeDocument {
    /// The organisation a person means by `name`, if the scheme lists it.
    public func organization(named name: String) -> Organization? {
        let wanted = name.lowercased()
        return organizations.first { $0.oin == name || $0.shortName?.lowercased() == wanted || $0.name.lowercased() == wanted }
    }

    /// The requester a person means by `name`, if the scheme lists it.
    public func requester(named name: String) -> Requester? {
        let wanted = name.lowercased()
        return (requesters ?? []).first { $0.oin == name || $0.shortName?.lowercased() == wanted || $0.name.lowercased() == wanted }
    }
}
