import Records

/// Reads the working-day calendar file: a small TOML subset, one table per year.
///
/// ```toml
/// [2026]
/// source = "国务院办公厅关于2026年部分节假日安排的通知"
/// rest = ["01-01..01-03", "02-15..02-23"]   # 放假（含其中的周末）
/// work = ["01-04", "02-14", "02-28"]        # 调休上班的周末
/// ```
///
/// Dates are `MM-DD` or `YYYY-MM-DD` of the table's own year; `A..B` is an inclusive range.
/// Arrays may span lines; `#` starts a comment. Every mistake names its line.
public enum CalendarFile {
    public static func parse(_ text: String, file: String) throws(DocumentsError) -> WorkingDays {
        var years: [Int: WorkingDays.Year] = [:]
        var current: Int?
        var seenKeys: Set<String> = []
        var pending: (key: String, line: Int, text: String)?
        func fail(_ line: Int, _ zh: String, _ en: String) -> DocumentsError {
            .calendar(file: file, line: line, chinese: zh, english: en)
        }

        func assign(_ key: String, _ value: String, line: Int) throws(DocumentsError) {
            guard let year = current else { throw fail(line, "“\(key)”须写在年份标题（如 [2026]）之下", "'\(key)' must follow a year header such as [2026]") }
            guard seenKeys.insert(key).inserted else { throw fail(line, "\(year) 年的“\(key)”重复", "'\(key)' given twice for \(year)") }
            switch key {
            case "source":
                guard let s = quoted(value) else { throw fail(line, "source 应为带引号的文字", "source must be a quoted string") }
                years[year]!.source = s
            case "rest", "work":
                let days = try dates(inArray: value, year: year, line: line, fail: fail)
                if key == "rest" { years[year]!.rest = days } else {
                    for d in days where !d.isWeekend {
                        throw fail(line, "\(d)（\(d.weekdayName)）不是周末，不必列为调休上班日", "\(d) is a \(d.weekdayName), not a weekend day; only weekend days can be make-up workdays")
                    }
                    years[year]!.work = days
                }
                if let both = years[year]!.rest.intersection(years[year]!.work).min() {
                    throw fail(line, "\(both) 既列为放假又列为上班", "\(both) is listed both as a rest day and as a workday")
                }
            default:
                throw fail(line, "未知的键“\(key)”（可用：source、rest、work）", "unknown key '\(key)' (expected source, rest or work)")
            }
        }

        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = stripComment(String(raw)).trimmingWhitespace()
            if var p = pending {
                p.text += " " + line
                if line.contains("]") {
                    pending = nil
                    try assign(p.key, p.text, line: p.line)
                } else {
                    pending = p
                }
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), let year = Int(String(line.dropFirst().dropLast()).trimmingWhitespace()),
                      (1900...9999).contains(year) else {
                    throw fail(number, "年份标题应形如 [2026]", "a year header looks like [2026]")
                }
                guard years[year] == nil else { throw fail(number, "\(year) 年重复出现", "year \(year) appears twice") }
                years[year] = WorkingDays.Year(rest: [], work: [], source: "", file: file)
                current = year
                seenKeys = []
                continue
            }
            guard let eq = line.firstIndex(of: "=") else {
                throw fail(number, "应为 键 = 值", "expected key = value")
            }
            let key = String(line[..<eq]).trimmingWhitespace()
            let value = String(line[line.index(after: eq)...]).trimmingWhitespace()
            if value.hasPrefix("[") && !value.contains("]") {
                pending = (key, number, value)
            } else {
                try assign(key, value, line: number)
            }
        }
        if let p = pending { throw fail(p.line, "“\(p.key)”的方括号没有闭合", "the array for '\(p.key)' is never closed") }
        return WorkingDays(years: years)
    }

    /// The dates listed in `value`, an array like `["01-01", "01-28..02-04"]`.
    static func dates(inArray value: String, year: Int, line: Int, fail: (Int, String, String) -> DocumentsError) throws(DocumentsError) -> Set<CivilDate> {
        guard value.hasPrefix("["), value.hasSuffix("]") else {
            throw fail(line, "应为方括号中的日期列表，如 [\"01-01\", \"01-28..02-04\"]", "expected a list of dates in brackets, e.g. [\"01-01\", \"01-28..02-04\"]")
        }
        var out: Set<CivilDate> = []
        for item in value.dropFirst().dropLast().split(separator: ",") {
            let item = String(item).trimmingWhitespace()
            if item.isEmpty { continue }
            guard let text = quoted(item) else {
                throw fail(line, "日期 \(item) 应加引号", "date \(item) must be quoted")
            }
            let ends = text.components(separatedBy: "..")
            guard ends.count <= 2, let first = date(ends[0], year: year), let last = date(ends.last!, year: year), first <= last else {
                throw fail(line, "“\(text)”不是 \(year) 年的日期或日期范围（MM-DD 或 MM-DD..MM-DD）",
                           "'\(text)' is not a date or range of dates in \(year) (MM-DD or MM-DD..MM-DD)")
            }
            for n in first.dayNumber...last.dayNumber { out.insert(CivilDate(dayNumber: n)) }
        }
        return out
    }

    /// `MM-DD` in `year`, or `YYYY-MM-DD` whose year is `year`.
    static func date(_ text: String, year: Int) -> CivilDate? {
        let t = text.trimmingWhitespace()
        if t.count == 5, let d = CivilDate("\(year)-\(t)") { return d }
        if let d = CivilDate(t), d.year == year { return d }
        return nil
    }

    static func quoted(_ text: String) -> String? {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return nil }
        let inner = String(text.dropFirst().dropLast())
        return inner.contains("\"") ? nil : inner
    }

    /// The line without a `#` comment (a `#` inside quotes is kept).
    static func stripComment(_ line: String) -> String {
        var inQuotes = false
        var out = ""
        for c in line {
            if c == "\"" { inQuotes.toggle() }
            if c == "#" && !inQuotes { break }
            out.append(c)
        }
        return out
    }
}
