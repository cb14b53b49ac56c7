import ArgumentParser
import Foundation

/// Where a private key's passphrase comes from: a file, an environment variable, or a hidden
/// prompt on the terminal — never the command line itself, where it would sit in the shell
/// history and the process list.
struct Passphrase {
    /// Reads the passphrase for `what` from `file` (its first line), else `$environment`, else a prompt.
    static func read(_ what: String, file: String?, environment: String) throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandFailure.badInput("无法读取口令文件 \(file)", "cannot read the passphrase file \(file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        if let value = ProcessInfo.processInfo.environment[environment], !value.isEmpty {
            return value
        }
        let terminal = Terminal()
        guard terminal.interactive, let typed = terminal.ask("请输入\(what)的口令 (passphrase for \(what)): ", hidden: true), !typed.isEmpty else {
            throw CommandFailure.badInput("需要\(what)的口令：用 --passphrase-file 文件、环境变量 \(environment)，或在终端输入",
                                          "a passphrase for \(what) is needed: --passphrase-file FILE, $\(environment), or type it at a terminal")
        }
        return typed
    }
}
