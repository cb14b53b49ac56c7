import ArgumentParser
import Foundation
import Inspection
import Journal
import Records
import Seal

/// `pingshen verify PATH… [--json] [--committee-cert FILE] [--registry FILE] [--key K --cert C] [--allow-unsigned] [--jobs N]`
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "监督人员核验会议记录（V1–V14）：会议文件夹、加密归档，或装有许多会议的文件夹。Verify sealed sessions independently.",
        discussion: """
        不信任产生记录的电脑：从原始日志重新推导每一项事实——法定人数、全程参加评议、无记名投票与凭证、\
        三分之二的整数运算、不得复评、会议记录签名——每项检查以等式或集合关系说明，并指出所涉日志条目。\
        Every check is stated as an equation or set relation and names the journal entries it concerns.
        退出码 Exit status: 0 全部通过 every check passed; 1 有检查未通过 a check failed; 2 输入错误 bad input.
        """)

    @Argument(help: ArgumentHelp("会议文件夹、加密归档（.p7m），或装有许多会议的文件夹 Session folders, archives, or folders of many.", valueName: "PATH"))
    var paths: [String]

    @Flag(help: "以 JSON 输出 Print JSON.")
    var json = false

    @Option(name: .customLong("committee-cert"), help: ArgumentHelp("所信任的评委会印章证书（PEM，可含多张；可重复）Pin the committee seal(s).", valueName: "FILE"))
    var committeeCerts: [String] = []

    @Option(help: ArgumentHelp("评委会历次评审决定登记文件（JSONL，可重复），用于 V9 Past decisions of the committee.", valueName: "FILE"))
    var registry: [String] = []

    @Option(help: ArgumentHelp("监督人员私钥，用于打开加密归档 The inspector's key, to open archives.", valueName: "FILE"))
    var key: String?

    @Option(help: ArgumentHelp("监督人员证书 The inspector's certificate.", valueName: "FILE"))
    var cert: String?

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    @Flag(help: "允许未签名的演练会议通过 Let unsigned drills pass.")
    var allowUnsigned = false

    @Option(help: ArgumentHelp("并行核验的线程数（默认为处理器核数）Worker threads (default: all cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if (key == nil) != (cert == nil) { throw ValidationError("--key 与 --cert 须同时给出 (give both --key and --cert)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs 至少为 1 (--jobs must be at least 1)") }
    }

    func run() throws {
        let options = InspectionOptions(pinnedCommittees: try committeeCerts.flatMap(Self.certificates),
                                        registry: try registry.flatMap(Self.decisions), allowUnsigned: allowUnsigned)
        var opener: ArchiveOpener?
        if let key, let cert {
            let passphrase = try Passphrase.read("监督人员私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE")
            do {
                let identity = try Identity(certificate: try Self.certificates(cert).first ?? Certificate(der: []),
                                            key: try SigningKey(contentsOf: key, passphrase: passphrase))
                opener = ArchiveOpener(identity: identity)
            } catch {
                printError("错误：无法使用私钥 \(key) 与证书 \(cert)：\(error)\nerror: cannot use the key and certificate: \(error)")
                throw ExitCode(2)
            }
        }
        let (sessions, problems) = Discovery.locate(paths)
        for problem in problems { printError("错误 error: \(problem)") }
        guard !sessions.isEmpty else { throw ExitCode(2) }

        HeapReuse.keepLargeBuffers()
        let batch = BatchRun(inspector: Inspector(options), opener: opener, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let single = sessions.count == 1
        let progress = !single && ProgressBar.isTerminal ? ProgressBar(total: sessions.count) : nil
        let collector = Collector()
        let started = Date()
        if json { print(JSONReport.opening, terminator: "") }
        batch.run(sessions) { [json] _, report in
            collector.add(report, printJSON: json)
            progress?.advance(passed: report.passed)
        }
        let seconds = Date().timeIntervalSince(started)
        let summary = collector.summary
        if json {
            print(JSONReport.closing(summary, seconds: seconds, problems: problems))
        } else if single, let report = collector.last {
            print(HumanReport.session(report))
        } else {
            for failure in summary.failures {
                print(HumanReport.session(failure, relations: false, onlyFailing: true, maxFindings: 10))
                print("")
            }
            print(HumanReport.summary(summary, seconds: seconds))
        }
        flushOutput()
        if summary.failed > 0 || !problems.isEmpty { throw ExitCode(1) }
    }

    /// Every certificate in a PEM file (a bundle), or the one DER certificate in it.
    static func certificates(_ path: String) throws -> [Certificate] {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            printError("错误：无法读取证书文件 \(path)\nerror: cannot read \(path)")
            throw ExitCode(2)
        }
        do {
            let text = String(decoding: bytes, as: UTF8.self)
            guard text.contains("-----BEGIN CERTIFICATE-----") else { return [try Certificate(der: Array(bytes))] }
            let blocks = text.components(separatedBy: "-----BEGIN CERTIFICATE-----").dropFirst()
            return try blocks.map { try Certificate(pem: "-----BEGIN CERTIFICATE-----" + $0) }
        } catch {
            printError("错误：\(path) 不是有效的证书：\(error)\nerror: \(path) is not a valid certificate")
            throw ExitCode(2)
        }
    }

    /// The decisions in a registry file (one JSON record a line).
    static func decisions(_ path: String) throws -> [PastDecision] {
        guard let bytes = FileManager.default.contents(atPath: path) else {
            printError("错误：无法读取登记文件 \(path)\nerror: cannot read the registry \(path)")
            throw ExitCode(2)
        }
        let text = JournalText(bytes: Array(bytes))
        var out: [PastDecision] = []
        for i in text.lines.indices where !text.line(i).isEmpty {
            do { out.append(try EntryCoding.decodeValue(PastDecision.self, text.line(i))) } catch {
                printError("错误：\(path) 第 \(i + 1) 行不是有效的评审决定：\(error)\nerror: \(path) line \(i + 1) is not a valid decision")
                throw ExitCode(2)
            }
        }
        if text.tornTail != nil {
            printError("错误：\(path) 最后一行不完整\nerror: \(path) ends in an incomplete line")
            throw ExitCode(2)
        }
        return out
    }
}

/// Gathers reports as the workers deliver them (one at a time), printing JSON as it comes.
private final class Collector: @unchecked Sendable {
    var summary = Summary()
    var last: SessionReport?
    private var first = true

    func add(_ report: SessionReport, printJSON: Bool) {
        summary.add(report)
        last = report
        if printJSON {
            print((first ? "" : ",") + JSONReport.session(report), terminator: "")
            first = false
        }
    }
}

/// Each session brings buffers of a few megabytes (archive, plaintext, journal). glibc maps
/// every allocation above 128 KiB afresh and unmaps it when freed, so each session pays for
/// faulting in and zeroing new pages; raising the threshold keeps those buffers on the heap
/// for the next session. Memory stays flat: the same pages are reused.
enum HeapReuse {
    static func keepLargeBuffers() {
        #if os(Linux)
        _ = glibcMallopt(-3, 64 << 20)   // M_MMAP_THRESHOLD (malloc.h is not in Swift's Glibc module)
        _ = glibcMallopt(-1, 128 << 20)  // M_TRIM_THRESHOLD
        #endif
    }
}

#if os(Linux)
@_silgen_name("mallopt")
private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
