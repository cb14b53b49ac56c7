import Printer
import Records
import TextFormats

/// Reads the working-day calendar file: TOML (`TOMLReader`), one table per year.
///
/// ```toml
/// [2026]
/// source = "国务院办公厅关于2026年部分节假日安排的通知"
/// rest = ["01-01..01-03", "02-15..02-23"]   # 放假（含其中的周末）
/// work = ["01-04", "02-14", "02-28"]        # 调休上班的周末
/// ```
///
/// Dates are `MM-DD` or `YYYY-MM-DD` of the table's own year; `A..B` is an inclusive range.
/// Arrays may span lines; `#` starts a comment. Every mistake names its line and column.
public enum CalendarFile {
    public static func parse(_ text: String, file: String) throws(DocumentsError) -> WorkingDays {
        let document: TOMLDocument
        do { document = try TOMLReader.read(Array(text.utf8), file: file) } catch {
            throw .calendar(file: file, line: error.line ?? 1, column: error.column ?? 1, chinese: error.chinese, english: error.english)
        }
        func fail(_ place: TOMLPlace, _ zh: String, _ en: String) -> DocumentsError {
            .calendar(file: file, line: place.line, column: place.column, chinese: zh, english: en)
        }
        if let stray = document.topLevel.first {
            throw fail(stray.place, "“\(stray.key)”须写在年份标题（如 [2026]）之下", "'\(stray.key)' must follow a year header such as [2026]")
        }
        var years: [Int: WorkingDays.Year] = [:]
        for table in document.tables {
            guard let year = Int(table.name), (1900...9999).contains(year) else {
                throw fail(table.place, "年份标题应形如 [2026]", "a year header looks like [2026]")
            }
            guard years[year] == nil else { throw fail(table.place, "\(year) 年重复出现", "year \(year) appears twice") }
            var schedule = WorkingDays.Year(rest: [], work: [], source: "", file: file)
            for entry in table.entries {
                let value = TOMLPlace(line: entry.value.line, column: entry.value.column)
                switch (entry.key, entry.value.kind) {
                case ("source", .string(let s)):
                    schedule.source = s
                case ("source", _):
                    throw fail(value, "source 应为带引号的文字", "source must be a quoted string")
                case ("rest", .stringArray(let items)), ("work", .stringArray(let items)):
                    var days: Set<CivilDate> = []
                    for (item, place) in zip(items, entry.value.items) {
                        let listed = try dates(item, year: year, at: place, fail: fail)
                        if entry.key == "work", let d = listed.first(where: { !$0.isWeekend }) {
                            throw fail(place, "\(d)（\(d.weekdayName)）不是周末，不必列为调休上班日",
                                       "\(d) is a \(d.weekdayName), not a weekend day; only weekend days can be make-up workdays")
                        }
                        days.formUnion(listed)
                    }
                    if entry.key == "rest" { schedule.rest = days } else { schedule.work = days }
                    if let both = schedule.rest.intersection(schedule.work).min() {
                        throw fail(entry.place, "\(both) 既列为放假又列为上班", "\(both) is listed both as a rest day and as a workday")
                    }
                case ("rest", _), ("work", _):
                    throw fail(value, "应为方括号中的日期列表，如 [\"01-01\", \"01-28..02-04\"]",
                               "expected a list of dates in brackets, e.g. [\"01-01\", \"01-28..02-04\"]")
                default:
                    throw fail(entry.place, "未知的键“\(entry.key)”（可用：source、rest、work）", "unknown key '\(entry.key)' (expected source, rest or work)")
                }
            }
            years[year] = schedule
        }
        return WorkingDays(years: years)
    }

    /// The dates of one item of a `rest` or `work` list: `MM-DD` or a range `MM-DD..MM-DD`.
    static func dates(_ text: String, year: Int, at place: TOMLPlace,
                      fail: (TOMLPlace, String, String) -> DocumentsError) throws(DocumentsError) -> [CivilDate] {
        let ends = text.components(separatedBy: "..")
        guard ends.count <= 2, let first = date(ends[0], year: year), let last = date(ends.last!, year: year), first <= last else {
            throw fail(place, "“\(text)”不是 \(year) 年的日期或日期范围（MM-DD 或 MM-DD..MM-DD）",
                       "'\(text)' is not a date or range of dates in \(year) (MM-DD or MM-DD..MM-DD)")
        }
        return (first.dayNumber...last.dayNumber).map { CivilDate(dayNumber: $0) }
    }

    /// `MM-DD` in `year`, or `YYYY-MM-DD` whose year is `year`.
    static func date(_ text: String, year: Int) -> CivilDate? {
        let t = text.trimmingWhitespace()
        if t.count == 5, let d = CivilDate("\(year)-\(t)") { return d }
        if let d = CivilDate(t), d.year == year { return d }
        return nil
    }
}
