import ArgumentParser
import Foundation
import Inspection
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
        let options = InspectionOptions(pinnedCommittees: try Self.read(committeeCerts, TrustFiles.certificates(atPath:)),
                                        registry: try Self.read(registry, TrustFiles.decisions(atPath:)), allowUnsigned: allowUnsigned)
        var opener: ArchiveOpener?
        if let key, let cert {
            let certificate = try Self.read([cert], TrustFiles.certificates(atPath:)).first
            let passphrase = try Passphrase.read("监督人员私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE")
            do {
                let identity = try Identity(certificate: certificate ?? Certificate(der: []),
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

    /// What `read` finds in every file of `paths`; a file that cannot be used is reported, and
    /// the command ends with status 2.
    static func read<T>(_ paths: [String], _ read: (String) throws(TrustFileError) -> [T]) throws -> [T] {
        var out: [T] = []
        for path in paths {
            do { out += try read(path) } catch {
                printError(error.description)
                throw ExitCode(2)
            }
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
