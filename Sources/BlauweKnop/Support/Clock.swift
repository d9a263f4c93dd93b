public import Foundation

/// Wall-clock time as bk-1 uses it: integer seconds since the epoch.
public struct WallClock: Sendable {
    private let source: @Sendable () -> Date

    /// The system clock.
    public static let system = WallClock { Date() }

    /// A clock fixed at a moment, for tests.
    public static func fixed(_ date: Date) -> WallClock { WallClock { date } }

    public init(_ source: @escaping @Sendable () -> Date) { self.source = source }

    /// Now.
    public var now: Date { source() }

    /// Now in integer seconds since the epoch.
    public var epochSeconds: Int64 { Int64(source().timeIntervalSince1970.rounded(.down)) }
}

/// RFC 3339 and calendar-date formatting in a fixed time zone.
public enum Timestamps {
    /// RFC 3339 with offset, in the Europe/Amsterdam zone that citizens live in.
    public static func rfc3339(_ date: Date, timeZone: TimeZone = .amsterdam) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = timeZone
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Parses RFC 3339 with offset (fractional seconds allowed).
    public static func parseRFC3339(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text)
    }

    /// Today's calendar date (`YYYY-MM-DD`) in the given zone.
    public static func calendarDate(_ date: Date, timeZone: TimeZone = .amsterdam) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    /// Whether `text` is a valid `YYYY-MM-DD` calendar date.
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return false }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)) else { return false }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        return back.year == year && back.month == month && back.day == day
    }
}

extension TimeZone {
    /// The Netherlands' zone; UTC if the system lacks zone data.
    public static let amsterdam: TimeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 0) ?? .current
}
