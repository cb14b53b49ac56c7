import Records
import Review
import TextFormats

/// Reads `members.csv` and `candidates.csv` as Excel saves them and checks every row.
enum RosterFile {
    static let memberColumns = ["id", "姓名", "职务", "工作单位", "评议组"]
    static let candidateColumns = ["id", "姓名", "性别", "出生年月", "工作单位", "学历", "现职称", "申报职称", "系列", "专业", "级别", "破格", "评议组"]
    static let aliases = ["ID": "id", "Id": "id", "编号": "id", "身份证号": "证件号码", "身份证号码": "证件号码"]

    static func members(_ bytes: [UInt8], file: String) throws(ImportError) -> [Member] {
        var notices: [Notice] = []
        return try members(bytes, file: file, notices: &notices)
    }

    /// The members, with a notice in `notices` for each name or unit a spreadsheet would take for a formula.
    static func members(_ bytes: [UInt8], file: String, notices: inout [Notice]) throws(ImportError) -> [Member] {
        let table = try CSVRows(bytes, file: file, required: memberColumns, aliases: aliases)
        notices += ImportedText.formulaNotices(table, columns: ["姓名", "工作单位"])
        var out: [Member] = []
        var firstLine: [MemberID: Int] = [:]
        for row in table.rows {
            let id = try table.identifier(row, "id")
            if let line = firstLine[id] {
                throw table.error(row, "id", "编号“\(id)”重复（第一次出现在第 \(line) 行）", "id '\(id)' is used twice (first on line \(line))")
            }
            firstLine[id] = row.line
            let officeText = try table.required(row, "职务")
            guard let office = Office(rawValue: officeText) else {
                throw table.error(row, "职务", "“\(officeText)”不是有效职务（应为 主任委员、副主任委员 或 委员）",
                                  "'\(officeText)' is not an office (主任委员, 副主任委员 or 委员)")
            }
            out.append(Member(id: id, name: try table.required(row, "姓名"), office: office,
                              unit: table.value(row, "工作单位"), panel: table.value(row, "评议组")))
        }
        guard !out.isEmpty else { throw ImportError(file: file, "名单中没有委员", "the roster lists no members") }
        let chairs = out.filter { $0.office == .chair }
        guard !chairs.isEmpty else {
            throw ImportError(file: file, "评委会没有主任委员（职务列须有一名“主任委员”）",
                              "the committee has no chair (one row must have 职务 = 主任委员)")
        }
        guard chairs.count == 1 else {
            throw ImportError(file: file, line: firstLine[chairs[1].id],
                              "评委会只能有一名主任委员（\(chairs.map(\.id).joined(separator: "、"))）",
                              "a committee has one chair only (\(chairs.map(\.id).joined(separator: ", ")))")
        }
        return out
    }

    static func candidates(_ bytes: [UInt8], file: String, settings: Settings) throws(ImportError) -> [Candidate] {
        var notices: [Notice] = []
        return try candidates(bytes, file: file, settings: settings, notices: &notices)
    }

    /// The candidates, with a notice in `notices` for each name or unit a spreadsheet would take for a formula.
    static func candidates(_ bytes: [UInt8], file: String, settings: Settings, notices: inout [Notice]) throws(ImportError) -> [Candidate] {
        let table = try CSVRows(bytes, file: file, required: candidateColumns, aliases: aliases)
        notices += ImportedText.formulaNotices(table, columns: ["姓名", "工作单位"])
        var out: [Candidate] = []
        var firstLine: [CandidateID: Int] = [:]
        var applicants: [(ApplicantKey, Int)] = []
        for row in table.rows {
            let id = try table.identifier(row, "id")
            if let line = firstLine[id] {
                throw table.error(row, "id", "编号“\(id)”重复（第一次出现在第 \(line) 行）", "id '\(id)' is used twice (first on line \(line))")
            }
            firstLine[id] = row.line
            let gender = try table.required(row, "性别")
            guard gender == "男" || gender == "女" else {
                throw table.error(row, "性别", "“\(gender)”应为“男”或“女”", "'\(gender)' must be 男 or 女")
            }
            let bornText = try table.required(row, "出生年月")
            guard let born = normalisedMonth(bornText), born < String(settings.date.prefix(7)) else {
                throw table.error(row, "出生年月", "“\(bornText)”不是有效的出生年月（如 1980-05、1980.05、1980年5月）",
                                  "'\(bornText)' is not a valid year and month of birth (e.g. 1980-05)")
            }
            let series = try table.required(row, "系列")
            if !settings.series.isEmpty && series != settings.series {
                throw table.error(row, "系列", "“\(series)”不属本评委会评审范围（\(settings.series)系列），不予受理（第十六条第二项）",
                                  "series '\(series)' is outside this committee's scope (\(settings.series)); not accepted (Art. 16(2))")
            }
            let exceptionalText = table.value(row, "破格")
            let exceptional: Bool
            switch exceptionalText {
            case "是", "Y", "y", "yes": exceptional = true
            case "否", "N", "n", "no", "": exceptional = false
            default:
                throw table.error(row, "破格", "“\(exceptionalText)”应为“是”或“否”", "'\(exceptionalText)' must be 是 or 否")
            }
            let idNumber = table.value(row, "证件号码")
            let candidate = Candidate(
                id: id, name: try table.required(row, "姓名"), gender: gender, born: born,
                unit: table.value(row, "工作单位"), education: table.value(row, "学历"),
                currentTitle: table.value(row, "现职称"), appliedTitle: try table.required(row, "申报职称"),
                series: series, specialty: table.value(row, "专业"), level: try table.required(row, "级别"),
                exceptional: exceptional, panel: table.value(row, "评议组"), idNumber: idNumber.isEmpty ? nil : idNumber)
            if let (_, line) = applicants.first(where: { $0.0.matches(candidate.applicantKey) }) {
                throw table.error(row, "姓名", "与第 \(line) 行是同一人的同一申报（不得重复评审）",
                                  "the same person's application as on line \(line) (no candidate is reviewed twice)")
            }
            applicants.append((candidate.applicantKey, row.line))
            out.append(candidate)
        }
        guard !out.isEmpty else { throw ImportError(file: file, "没有申报人", "the file lists no candidates") }
        return out
    }

    /// `YYYY-MM` from the ways a year and month of birth are written in Chinese spreadsheets.
    static func normalisedMonth(_ text: String) -> String? {
        var digits: [Int] = []
        var current = ""
        for ch in text {
            if ch.isASCII && ch.isNumber { current.append(ch) } else {
                if !current.isEmpty { digits.append(Int(current) ?? -1); current = "" }
                guard "-./年月日 ".contains(ch) else { return nil }
            }
        }
        if !current.isEmpty { digits.append(Int(current) ?? -1) }
        var year: Int, month: Int
        if digits.count == 1, text.count == 6, let whole = Int(text) {
            year = whole / 100; month = whole % 100
        } else if digits.count == 2 || digits.count == 3 {
            year = digits[0]; month = digits[1]
        } else {
            return nil
        }
        guard (1900...2100).contains(year), (1...12).contains(month) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)"
    }
}
