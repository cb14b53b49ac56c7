import Records
import TextFormats

/// The rows of a roster CSV file, read against the columns it must have: rows addressed by
/// column name, cells trimmed as a spreadsheet user means them, errors naming the line and the
/// column (its number and its header) as a spreadsheet user sees them.
///
/// A row of blank cells (spaces between the commas, as Excel saves an emptied row) is skipped
/// like an empty line. A control character in any cell is refused (``ImportedText``).
struct CSVRows {
    let file: String
    let header: [String]
    let rows: [CSVRecord]
    private let position: [String: Int]

    /// Reads `bytes`, requiring every column in `required` (extra columns are allowed and ignored).
    init(_ bytes: [UInt8], file: String, required: [String], aliases: [String: String] = [:]) throws(ImportError) {
        let records = try CSVReader.records(bytes, file: file).filter { !$0.fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }
        // Every cell of every row kept (a blank row, tabs and all, is dropped unread).
        try ImportedText.check(records, file: file)
        guard let first = records.first else {
            throw ImportError(file: file, line: 1, "文件为空，缺少表头：\(required.joined(separator: ","))",
                              "the file is empty; expected the header \(required.joined(separator: ","))")
        }
        let header = first.fields.map { name -> String in
            let t = name.trimmingWhitespace()
            return aliases[t] ?? t
        }
        var position: [String: Int] = [:]
        for (i, name) in header.enumerated() where !name.isEmpty {
            if position[name] != nil {
                throw ImportError(file: file, line: first.line, column: i + 1, "表头“\(name)”重复", "header '\(name)' appears twice")
            }
            position[name] = i
        }
        let missing = required.filter { position[$0] == nil }
        guard missing.isEmpty else {
            throw ImportError(file: file, line: first.line,
                              "表头缺少列：\(missing.joined(separator: "、"))（应为：\(required.joined(separator: ","))）",
                              "the header lacks column(s) \(missing.joined(separator: ", ")) (expected \(required.joined(separator: ",")))")
        }
        for row in records.dropFirst() where row.fields.count != header.count {
            throw ImportError(file: file, line: row.line,
                              "该行有 \(row.fields.count) 列，表头有 \(header.count) 列（是否缺少或多了逗号？）",
                              "this row has \(row.fields.count) fields but the header has \(header.count) (a missing or extra comma?)")
        }
        self.file = file
        self.header = header
        self.rows = Array(records.dropFirst())
        self.position = position
    }

    /// The trimmed value of `column` in `row`, or "" when the file has no such column.
    func value(_ row: CSVRecord, _ column: String) -> String {
        position[column].map { row.fields[$0].trimmingWhitespace() } ?? ""
    }

    /// An error about `column` of `row`.
    func error(_ row: CSVRecord, _ column: String, _ chinese: String, _ english: String) -> ImportError {
        let index = position[column] ?? 0
        return ImportError(file: file, line: row.line, column: index + 1,
                           "“\(column)”列：\(chinese)", "column '\(column)': \(english)")
    }

    /// A non-empty value of `column`.
    func required(_ row: CSVRecord, _ column: String) throws(ImportError) -> String {
        let v = value(row, column)
        guard !v.isEmpty else { throw error(row, column, "不能为空", "must not be empty") }
        return v
    }

    /// An identifier typed on the command line: letters, digits, `_` and `-`, at most 32 characters.
    func identifier(_ row: CSVRecord, _ column: String) throws(ImportError) -> String {
        let v = try required(row, column)
        let allowed = v.unicodeScalars.allSatisfy {
            ("A"..."Z").contains($0) || ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard allowed, v.count <= 32 else {
            throw error(row, column, "编号“\(v)”只能由字母、数字、_ 和 - 组成，且不超过 32 个字符",
                        "id '\(v)' may hold only letters, digits, _ and -, at most 32 characters")
        }
        return v
    }
}
