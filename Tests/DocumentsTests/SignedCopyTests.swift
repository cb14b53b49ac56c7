import Documents
import Foundation
import Testing

/// Print copies of signed papers (`pingshen render` after `minutes sign` / `forms sign`): they
/// say who signed electronically and name the signed file by its SHA-256, which the signed file
/// itself cannot carry.
@Suite("Print copies of signed papers")
struct SignedCopyTests {
    static let folder = SampleSession.shared.folder

    /// SHA-256 (hex) of a file, by the stock `sha256sum`.
    static func sha256(_ path: String) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        p.arguments = [path]
        let out = Pipe()
        p.standardOutput = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(String(decoding: data, as: UTF8.self).prefix(64))
    }

    @Test("the minutes' print copy names the host and the recorder and the signed file's SHA-256; the signed file names none")
    func minutes() throws {
        let signed = Self.folder + "/out/评审会议记录.html"
        let digest = try Self.sha256(signed)
        let copy = try SampleSession.run(["-C", Self.folder, "render", "minutes", "--format", "html"])
        #expect(copy.status == 0)
        #expect(copy.stdout.contains("主持人 陈建国，2026年11月26日 12:10 签署 out/评审会议记录.html（SHA-256 \(digest.prefix(16))…）"))
        #expect(copy.stdout.contains("记录人 王秘书，2026年11月26日 12:10 签署 out/评审会议记录.html（SHA-256 \(digest.prefix(16))…）"))
        let file = try String(contentsOfFile: signed, encoding: .utf8)
        #expect(!file.contains("电子签名"))
    }

    @Test("each form's print copy names its own signed file, signed by the host and sealed")
    func forms() throws {
        let out = try SampleSession.temporaryDirectory() + "/copies/"
        let r = try SampleSession.run(["-C", Self.folder, "render", "result-forms", "--format", "html", "--out", out])
        #expect(r.status == 0)
        for id in ["C01", "C05"] {
            let digest = try Self.sha256(Self.folder + "/out/评审表-\(id).html")
            let copy = try String(contentsOfFile: out + "评审表-\(id).html", encoding: .utf8)
            #expect(copy.contains("主持人 陈建国，2026年11月26日 12:10 签署 out/评审表-\(id).html（SHA-256 \(digest.prefix(16))…）"))
            #expect(copy.contains("评委会印章 安徽省工程系列电子信息专业高级职称评审委员会，2026年11月26日 12:10 签署 out/评审表-\(id).html（SHA-256 \(digest.prefix(16))…）"))
            #expect(!copy.contains("评审表-C0\(id == "C01" ? "5" : "1").html"), "only its own file")
            #expect(!(try String(contentsOfFile: Self.folder + "/out/评审表-\(id).html", encoding: .utf8)).contains("电子签名"))
        }
    }
}
