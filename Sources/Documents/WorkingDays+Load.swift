import Printer

extension WorkingDays {
    /// The shipped calendar extended, in this order, by `calendar/*.toml` in the templates
    /// folder and by `file`; a year in a later file replaces the same year whole.
    public static func load(templatesDirectory: String?, file: String?) throws(DocumentsError) -> WorkingDays {
        var calendar = try shipped()
        var extra: [String] = []
        if let dir = templatesDirectory {
            do throws(PrinterError) {
                extra += try TemplateLibrary.files(in: joined(dir, "calendar"), ending: ".toml", mustExist: false).map { joined(dir, "calendar/" + $0) }
            } catch { throw DocumentsError(error) }
        }
        if let file { extra.append(file) }
        for path in extra {
            let text: String
            do throws(PrinterError) { text = try readText(path) } catch { throw DocumentsError(error) }
            calendar = calendar.extended(with: try CalendarFile.parse(text, file: path))
        }
        return calendar
    }
}
