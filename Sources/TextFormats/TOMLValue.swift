/// A value of the TOML subset pingshen reads, with where it was written.
public struct TOMLValue: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case string(String)
        case integer(Int)
        case boolean(Bool)
        /// A TOML local date (`2026-11-26`, unquoted), kept as written.
        case date(String)
        case stringArray([String])
    }

    public var kind: Kind
    /// The 1-based line where the value starts.
    public var line: Int
    /// The 1-based column (in characters) where the value starts.
    public var column: Int
    /// Where each item of an array starts, in order; empty for other values.
    public var items: [TOMLPlace]

    public init(kind: Kind, line: Int, column: Int, items: [TOMLPlace] = []) {
        self.kind = kind
        self.line = line
        self.column = column
        self.items = items
    }

    /// The kind's name for messages, in Chinese and English.
    public var typeName: String {
        switch kind {
        case .string: "字符串 string"
        case .integer: "整数 integer"
        case .boolean: "布尔值 boolean"
        case .date: "日期 date"
        case .stringArray: "字符串数组 array of strings"
        }
    }
}

/// A place in a TOML file: the 1-based line, and the 1-based column counted in characters.
public struct TOMLPlace: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// One `key = value` line.
public struct TOMLEntry: Equatable, Sendable {
    public var key: String
    /// Where the key starts.
    public var place: TOMLPlace
    public var value: TOMLValue

    public init(key: String, place: TOMLPlace, value: TOMLValue) {
        self.key = key
        self.place = place
        self.value = value
    }
}

/// A table: a `[name]` header and the `key = value` lines under it, in file order.
public struct TOMLTable: Equatable, Sendable {
    public var name: String
    /// Where the header's `[` is.
    public var place: TOMLPlace
    public var entries: [TOMLEntry]

    public init(name: String, place: TOMLPlace, entries: [TOMLEntry] = []) {
        self.name = name
        self.place = place
        self.entries = entries
    }
}

/// A TOML file as read: the `key = value` lines before any header, then the tables in order.
public struct TOMLDocument: Equatable, Sendable {
    public var topLevel: [TOMLEntry]
    public var tables: [TOMLTable]

    public init(topLevel: [TOMLEntry] = [], tables: [TOMLTable] = []) {
        self.topLevel = topLevel
        self.tables = tables
    }
}
