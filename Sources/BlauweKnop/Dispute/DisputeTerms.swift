import Foundation

/// The legal terms of PROTOCOL §11 as calendar dates in Europe/Amsterdam, where the law counts
/// them: days, not hours, so a change of daylight-saving time moves nothing.
public enum DisputeTerms {
    /// The objection term of a decision (Awb 6:7–6:8): six weeks, starting the day after the
    /// decision. Its last day is the decision's date plus 42 days (`YYYY-MM-DD`), or nil when
    /// `decidedAt` is not an RFC 3339 moment.
    public static func objectionDeadline(decidedAt: String) -> String? {
        guard let moment = Timestamps.parseRFC3339(decidedAt) else { return nil }
        return adding(days: 42, to: Timestamps.calendarDate(moment))
    }

    /// Whether a bezwaar about a decision made at `decidedAt` is late when filed on `today`
    /// (`YYYY-MM-DD`, Amsterdam).
    public static func isLate(decidedAt: String, today: String) -> Bool {
        guard let deadline = objectionDeadline(decidedAt: decidedAt) else { return false }
        return today > deadline
    }

    /// The date by which the holder must answer a request received on `receivedOn`
    /// (`YYYY-MM-DD`, Amsterdam): for a `bezwaar`, six weeks after the objection term ends
    /// (Awb 7:10), counted from when it was received if that is later (a late objection still
    /// gets six weeks, not a date already past); for `correctie` and `verwijdering`, one month
    /// (AVG art. 12(3)).
    public static func decideBy(kind: DisputeKind, receivedOn: String, decidedAt: String?) -> String? {
        guard Timestamps.isCalendarDate(receivedOn) else { return nil }
        switch kind {
        case .bezwaar:
            let termEnd = decidedAt.flatMap { objectionDeadline(decidedAt: $0) } ?? receivedOn
            return adding(days: 42, to: max(termEnd, receivedOn))
        case .correctie, .verwijdering:
            return addingOneMonth(to: receivedOn)
        }
    }

    /// A calendar date plus whole days.
    static func adding(days: Int64, to date: String) -> String? {
        guard let (year, month, day) = parts(date) else { return nil }
        let (y, m, d) = Timestamps.civil(fromDays: Timestamps.daysFromCivil(year: year, month: month, day: day) + days)
        return format(y, m, d)
    }

    /// A calendar date plus one month; the 31st becomes the month's last day when the next
    /// month is shorter (31 January → 28 or 29 February).
    static func addingOneMonth(to date: String) -> String? {
        guard let (year, month, day) = parts(date) else { return nil }
        let (nextYear, nextMonth) = month == 12 ? (year + 1, 1) : (year, month + 1)
        var lastDay = day
        while !Timestamps.isValidDate(year: nextYear, month: nextMonth, day: lastDay) { lastDay -= 1 }
        return format(nextYear, nextMonth, lastDay)
    }

    private static func parts(_ date: String) -> (Int, Int, Int)? {
        guard Timestamps.isCalendarDate(date), let year = Int(date.prefix(4)), let month = Int(date.dropFirst(5).prefix(2)),
            let day = Int(date.suffix(2))
        else { return nil }
        return (year, month, day)
    }

    private static func format(_ year: Int, _ month: Int, _ day: Int) -> String {
        String(year).leftPadded(to: 4) + "-" + String(month).leftPadded(to: 2) + "-" + String(day).leftPadded(to: 2)
    }
}
