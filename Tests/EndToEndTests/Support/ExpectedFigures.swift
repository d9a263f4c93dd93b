import Foundation

/// The figures of the Examples data, worked out by hand from Examples/data (amounts in cents).
enum ExpectedFigures {
    struct Totals: Equatable {
        var verplicht: Int
        var vereffend: Int
        var saldo: Int
        var achterstallig: Int
        var zaken: Int
    }

    static let richCitizen = "999993653"
    static let singleDebtCitizen = "999991012"
    static let debtFreeCitizen = "999991024"

    /// Per organisation short name, for the citizen with debts at most holders.
    static let richByHolder: [String: Totals] = [
        "Belastingdienst": Totals(verplicht: 251_234, vereffend: 51_234, saldo: 200_000, achterstallig: 0, zaken: 1),
        "Toeslagen": Totals(verplicht: 120_000, vereffend: 0, saldo: 120_000, achterstallig: 0, zaken: 1),
        "CJIB": Totals(verplicht: 10_400, vereffend: 3_000, saldo: 7_400, achterstallig: 7_400, zaken: 1),
        "DUO": Totals(verplicht: 1_850_000, vereffend: 15_000, saldo: 1_835_000, achterstallig: 15_000, zaken: 1),
        "SVB": Totals(verplicht: 0, vereffend: 0, saldo: 0, achterstallig: 0, zaken: 0),
        "CAK": Totals(verplicht: 66_000, vereffend: 20_000, saldo: 46_000, achterstallig: 46_000, zaken: 1),
        "UWV": Totals(verplicht: 0, vereffend: 0, saldo: 0, achterstallig: 0, zaken: 0),
        "RVO": Totals(verplicht: 0, vereffend: 0, saldo: 0, achterstallig: 0, zaken: 0),
        "Utrecht": Totals(verplicht: 47_000, vereffend: 35_000, saldo: 12_000, achterstallig: 12_000, zaken: 2),
    ]

    static let richTotal = Totals(verplicht: 2_344_634, vereffend: 124_234, saldo: 2_220_400, achterstallig: 80_400, zaken: 7)
    static let richNextDueDate = shifted("2026-08-31")

    /// The day the Examples data's figures above hold on. Every date of the data a test holder
    /// serves is moved by the days since then (`dayShift`), so that what is overdue and what is
    /// still to come is the same on any day the tests run (the DUO instalment of 2031-01-31
    /// stays in the future).
    static let designedToday = "2026-12-06"

    /// Days from `designedToday` to today (UTC).
    static let dayShift: Int = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        guard let designed = formatter.date(from: designedToday) else { return 0 }
        return Int((Date().timeIntervalSince(designed) / 86_400).rounded(.down))
    }()

    /// `value` with a leading `YYYY-MM-DD` moved by `dayShift` days; any other text as it is.
    static func shifted(_ value: String) -> String {
        guard value.count >= 10, value.prefix(10).allSatisfy({ $0.isNumber || $0 == "-" }), value.prefix(10).filter({ $0 == "-" }).count == 2 else {
            return value
        }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        guard let date = formatter.date(from: String(value.prefix(10))) else { return value }
        return formatter.string(from: date.addingTimeInterval(Double(dayShift) * 86_400)) + value.dropFirst(10)
    }

    /// A JSON tree with every date moved by `dayShift`.
    static func shiftedDates(_ value: Any) -> Any {
        switch value {
        case let text as String: shifted(text)
        case let array as [Any]: array.map(shiftedDates)
        case let object as [String: Any]: object.mapValues(shiftedDates)
        default: value
        }
    }

    /// The grand total without one holder.
    static func richTotal(without holder: String) -> Totals {
        let left = richByHolder.filter { $0.key != holder }.values
        return Totals(
            verplicht: left.reduce(0) { $0 + $1.verplicht }, vereffend: left.reduce(0) { $0 + $1.vereffend },
            saldo: left.reduce(0) { $0 + $1.saldo }, achterstallig: left.reduce(0) { $0 + $1.achterstallig },
            zaken: left.reduce(0) { $0 + $1.zaken })
    }

    /// Reads totals from a decoded JSON `totals` object.
    static func totals(_ object: Any?) -> Totals? {
        guard let object = object as? [String: Any], let verplicht = object["verplicht"] as? Int, let vereffend = object["vereffend"] as? Int,
            let saldo = object["saldo"] as? Int, let achterstallig = object["achterstallig"] as? Int, let zaken = object["zaken"] as? Int
        else { return nil }
        return Totals(verplicht: verplicht, vereffend: vereffend, saldo: saldo, achterstallig: achterstallig, zaken: zaken)
    }
}
