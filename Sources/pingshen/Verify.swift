import ArgumentParser
import Foundation
import Inspection
import Seal

/// `pingshen verify PATH… --committee-cert FILE [--json] [--registry FILE] [--key K --cert C] [--allow-unsigned] [--jobs N]`,
/// or `--unpinned` instead of `--committee-cert` for a dry look that never passes.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "监督人员核验会议记录（V1–V14）：会议文件夹、加密归档，或装有许多会议的文件夹。Verify sealed sessions independently.",
        discussion: """
        不信任产生记录的电脑：从原始日志重新推导每一项事实——法定人数、全程参加评议、无记名投票与凭证、\
        三分之二的整数运算、不得复评、会议记录签名——每项检查以等式或集合关系说明，并指出所涉日志条目。\
        Every check is stated as an equation or set relation and names the journal entries it concerns.
        必须用 --committee-cert 固定信任根；没有它就不核验（退出码 1）。--unpinned 只作预览：各项检查照常报告，\
        但结论至多是“未固定信任根，不作结论”，退出码 1。--allow-unsigned 单独使用时只有未签名的演练能通过。
        A pinned root (--committee-cert) is required; without it verify refuses (exit 1). --unpinned is a dry look:
        every check is reported, but the result is at best "no trust root pinned: no conclusion", exit 1.
        不跟随符号链接、不读特殊文件、每个文件有大小上限（日志 256 MiB，其他 16 MiB，归档 320 MiB）；\
        打印的记录内容去除了终端控制字符。The verifier follows no symbolic link, reads no special file, caps \
        every file, and prints no control character from the records.
        退出码 Exit status: 0 全部通过 every check passed; 1 有检查未通过、重复或不作结论 a check failed, a duplicate, \
        or no conclusion; 2 输入错误 bad input.
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

    @Flag(help: "不固定信任根的预览：照常检查，但不作结论、退出码 1 A dry look without a pinned root: never passes.")
    var unpinned = false

    @Option(help: ArgumentHelp("并行核验的线程数（默认为处理器核数）Worker threads (default: all cores).", valueName: "N"))
    var jobs: Int?

    func validate() throws {
        if (key == nil) != (cert == nil) { throw ValidationError("--key 与 --cert 须同时给出 (give both --key and --cert)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs 至少为 1 (--jobs must be at least 1)") }
        if unpinned && !committeeCerts.isEmpty {
            throw ValidationError("--unpinned 与 --committee-cert 不能同时使用 (--unpinned and --committee-cert exclude each other)")
        }
    }

    func run() throws {
        if committeeCerts.isEmpty && !unpinned && !allowUnsigned {
            printError("""
                错误：未用 --committee-cert 指定评委会印章证书，不核验：没有固定的信任根，任何人自制的印章都会被接受（SPEC.md §4）。\
                只想预览请加 --unpinned（不作结论）。
                error: no --committee-cert: without a pinned trust root anyone's home-made seal would pass, so verify refuses. \
                For a dry look that never passes, add --unpinned.
                """)
            throw ExitCode(1)
        }
        let options = InspectionOptions(pinnedCommittees: try Self.read(committeeCerts, TrustFiles.certificates(atPath:)),
                                        registry: try Self.read(registry, TrustFiles.decisions(atPath:)), allowUnsigned: allowUnsigned,
                                        unpinned: unpinned)
        var opener: ArchiveOpener?
        if let key, let cert {
            let certificate = try Self.read([cert], TrustFiles.certificates(atPath:)).first
            let passphrase = try Passphrase.read("监督人员私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE")
            do {
                let identity = try Identity(certificate: certificate ?? Certificate(der: []),
                                            key: try SigningKey(contentsOf: key, passphrase: passphrase))
                opener = ArchiveOpener(identity: identity)
            } catch {
                let (k, c, e) = (SafeText.visible(key), SafeText.visible(cert), SafeText.visible("\(error)"))
                printError("错误：无法使用私钥 \(k) 与证书 \(c)：\(e)\nerror: cannot use the key and certificate: \(e)")
                throw ExitCode(2)
            }
        }
        let (sessions, problems) = Discovery.locate(paths)
        for problem in problems { printError("错误 error: \(SafeText.visible(problem))") }
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
        if !summary.allPassed || !problems.isEmpty { throw ExitCode(1) }
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

/// Gathers reports as the workers deliver them (one at a time, in the order named), printing
/// JSON as it comes; a second copy of a session is reported as its duplicate.
private final class Collector: @unchecked Sendable {
    var summary = Summary()
    var last: SessionReport?
    private var first = true

    func add(_ report: SessionReport, printJSON: Bool) {
        let report = summary.add(report)
        last = report
        if printJSON {
            print((first ? "" : ",") + JSONReport.session(report), terminator: "")
            first = false
        }
    }
}
