import Records
import Review
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
        "size": "委员总数", "quorum": "规定人数", "denominator": "\"present\"（默认）或 \"eligible\"",
        "year": "评审年度（默认为开会日期的年份）", "observer_units": "可列席的人社部门等单位名称（数组；组建单位总在其中）",
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

        // 第二十三条第五项 counts two thirds of 出席会议评委总数: the members present (R7).
        var denominator = Denominator.present
        if let v = values["denominator"] {
            guard case .string(let s) = v.kind, let d = Denominator(rawValue: s) else {
                throw ImportError(file: file, line: v.line, column: v.column,
                                  "denominator 只能是 \"present\"（出席委员，默认）或 \"eligible\"（有表决权的委员）",
                                  "denominator must be \"present\" (the default) or \"eligible\"")
            }
            denominator = d
        }
        let meetingYear = Int(date.prefix(4)) ?? 0
        var year = meetingYear
        if let v = try integer("year") {
            guard (1949...9999).contains(v.value) else {
                throw ImportError(file: file, line: v.line, "评审年度 year = \(v.value) 不是有效的年份", "year = \(v.value) is not a valid year")
            }
            year = v.value
        }
        var observerUnits: [String] = []
        if let v = values["observer_units"] {
            guard case .stringArray(let list) = v.kind else { throw wrongType("observer_units", v, "字符串数组，如 [\"合肥市人力资源和社会保障局\"]", "an array of strings") }
            for unit in list.map({ $0.trimmingWhitespace() }) {
                guard !Normalised.text(unit).isEmpty else {
                    throw ImportError(file: file, line: v.line, column: v.column, "observer_units 中有空的单位名称", "observer_units holds an empty unit name")
                }
                observerUnits.append(unit)
            }
        }
        let cap = try integer("yes_cap")
        if let cap, cap.value < 0 {
            throw ImportError(file: file, line: cap.line, "yes_cap 不能为负数", "yes_cap must not be negative")
        }
        var registry: String?
        if values["registry"] != nil { registry = try text("registry", required: true) }

        var settings = Settings(
            name: try text("name", required: true), series: try text("series", required: true),
            specialty: try text("specialty", required: false), level: try text("level", required: true),
            organizer: try text("organizer", required: true), date: date, venue: try text("venue", required: false),
            size: 0, quorum: 0, denominator: denominator,
            recusedLeaveDenominator: try flag("recused_leave_denominator", default: true),
            yesCap: cap?.value ?? 0, sameEmployerRecusal: try flag("same_employer_recusal", default: false),
            year: year, observerUnits: observerUnits)
        settings.observerUnits = settings.allowedObserverUnits
        return SettingsDraft(settings: settings, size: try integer("size"), quorum: try integer("quorum"), registry: registry)
    }
}
