import Records
import TextFormats

/// `session.toml` as read, before it is checked against the roster (size and quorum need the member count).
struct SettingsDraft {
    var settings: Settings
    /// `size` and `quorum` as written, with their lines, when written.
    var size: (value: Int, line: Int)?
    var quorum: (value: Int, line: Int)?
    var registry: String?
}

/// Reads and checks `session.toml`.
enum SettingsFile {
    /// Every key the file may hold, with its meaning (shown when a key is misspelt).
    static let keys: [String: String] = [
        "name": "评委会名称", "series": "系列", "specialty": "专业", "level": "级别",
        "organizer": "组建单位", "date": "开会日期 YYYY-MM-DD", "venue": "会议地点",
        "size": "委员总数", "quorum": "规定人数", "denominator": "\"eligible\" 或 \"present\"",
        "recused_leave_denominator": "回避委员是否不计入表决基数", "yes_cap": "每张选票同意数上限（0 为不限）",
        "same_employer_recusal": "与申报人同一工作单位的委员是否自动回避", "registry": "评委会历次评审决定登记文件",
    ]

    static func read(_ bytes: [UInt8], file: String) throws(ImportError) -> SettingsDraft {
        let document = try TOMLReader.read(bytes, file: file)
        if let table = document.tables.first {
            throw ImportError(file: file, line: table.place.line, column: table.place.column,
                              "不支持 TOML 表（[...]）；session.toml 只使用顶层的“键 = 值”",
                              "TOML tables ([...]) are not supported; session.toml uses top-level key = value lines only")
        }
        var values: [String: TOMLValue] = [:]
        for entry in document.topLevel {
            let (key, value) = (entry.key, entry.value)
            guard keys[key] != nil else {
                let known = keys.keys.sorted().joined(separator: ", ")
                throw ImportError(file: file, line: value.line, column: 1,
                                  "未知的设置项“\(key)”；可用的设置项：\(known)",
                                  "unknown setting '\(key)'; known settings: \(known)")
            }
            switch value.kind {
            case .string(let s): try ImportedText.check(s, file: file, line: value.line, column: value.column, what: "“\(key)”")
            case .stringArray(let items):
                for (item, place) in zip(items, value.items) {
                    try ImportedText.check(item, file: file, line: place.line, column: place.column, what: "“\(key)”")
                }
            default: break
            }
            values[key] = value
        }

        func wrongType(_ key: String, _ v: TOMLValue, _ wantedZh: String, _ wantedEn: String) -> ImportError {
            ImportError(file: file, line: v.line, column: v.column,
                        "“\(key)”应为\(wantedZh)，实际为\(v.typeName)", "'\(key)' must be \(wantedEn), not \(v.typeName)")
        }
        func text(_ key: String, required: Bool) throws(ImportError) -> String {
            guard let v = values[key] else {
                if required {
                    throw ImportError(file: file, "缺少必填设置项“\(key)”（\(keys[key]!)）", "missing required setting '\(key)'")
                }
                return ""
            }
            guard case .string(let s) = v.kind else { throw wrongType(key, v, "带引号的字符串", "a quoted string") }
            let t = s.trimmingWhitespace()
            if required && t.isEmpty {
                throw ImportError(file: file, line: v.line, column: v.column, "“\(key)”不能为空", "'\(key)' must not be empty")
            }
            return t
        }
        func integer(_ key: String) throws(ImportError) -> (value: Int, line: Int)? {
            guard let v = values[key] else { return nil }
            guard case .integer(let n) = v.kind else { throw wrongType(key, v, "整数", "an integer") }
            return (n, v.line)
        }
        func flag(_ key: String, default value: Bool) throws(ImportError) -> Bool {
            guard let v = values[key] else { return value }
            guard case .boolean(let b) = v.kind else { throw wrongType(key, v, "true 或 false", "true or false") }
            return b
        }

        let date: String
        switch values["date"]?.kind {
        case .string(let s)?, .date(let s)?:
            guard CivilDays.date(iso: s) != nil else {
                let v = values["date"]!
                throw ImportError(file: file, line: v.line, column: v.column,
                                  "开会日期“\(s)”不是有效的 YYYY-MM-DD 日期", "date '\(s)' is not a valid YYYY-MM-DD date")
            }
            date = s
        case nil:
            throw ImportError(file: file, "缺少必填设置项“date”（开会日期）", "missing required setting 'date'")
        default:
            throw wrongType("date", values["date"]!, "YYYY-MM-DD 日期", "a YYYY-MM-DD date")
        }

        var denominator = Denominator.eligible
        if let v = values["denominator"] {
            guard case .string(let s) = v.kind, let d = Denominator(rawValue: s) else {
                throw ImportError(file: file, line: v.line, column: v.column,
                                  "denominator 只能是 \"eligible\"（有表决权的委员）或 \"present\"（出席委员）",
                                  "denominator must be \"eligible\" or \"present\"")
            }
            denominator = d
        }
        let cap = try integer("yes_cap")
        if let cap, cap.value < 0 {
            throw ImportError(file: file, line: cap.line, "yes_cap 不能为负数", "yes_cap must not be negative")
        }
        var registry: String?
        if values["registry"] != nil { registry = try text("registry", required: true) }

        let settings = Settings(
            name: try text("name", required: true), series: try text("series", required: true),
            specialty: try text("specialty", required: false), level: try text("level", required: true),
            organizer: try text("organizer", required: true), date: date, venue: try text("venue", required: false),
            size: 0, quorum: 0, denominator: denominator,
            recusedLeaveDenominator: try flag("recused_leave_denominator", default: true),
            yesCap: cap?.value ?? 0, sameEmployerRecusal: try flag("same_employer_recusal", default: false))
        return SettingsDraft(settings: settings, size: try integer("size"), quorum: try integer("quorum"), registry: registry)
    }
}
