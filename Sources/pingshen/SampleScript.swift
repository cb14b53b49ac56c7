import ArgumentParser
import Foundation
import Records
import Review
import Witness
import Workspace

/// The sample meeting `pingshen demo` plays: every step through the same command-line
/// commands a chair would type, at the times a real morning would give them.
struct SampleScript {
    let directory: String
    let inputs: String
    /// Where the sample committee's seal and its members' keys are made (outside the session folder).
    var keys: String { directory + ".keys" }
    /// PINs handed out at sign-in, as the members hold them on their slips.
    var pins: [String: String] = [:]

    init(directory: String, inputs: String) {
        self.directory = directory
        self.inputs = inputs
    }

    var folder: SessionFolder {
        get throws { SessionFolder(path: directory, clock: try sessionClock(), witness: SessionOptions.witness) }
    }

    /// Sets the time of the following entries.
    func at(_ hhmm: String) {
        setenv("PINGSHEN_TIME", "2026-11-26T\(hhmm):00+08:00", 1)
    }

    /// Runs one command line as typed; a refusal is shown and the script goes on when `expectRefusal`.
    func type(_ arguments: [String], expectRefusal: Bool = false) throws {
        let shown = arguments.map { $0.contains(" ") || $0.isEmpty ? "\"\($0)\"" : $0 }.joined(separator: " ")
        let global = ["init", "keys"].contains(arguments.first ?? "")
        print("\n$ pingshen \(global ? "" : "-C \(directory) ")\(shown)")
        flushOutput()
        do {
            var command = try Pingshen.parseAsRoot(arguments + (global ? [] : ["--session", directory]))
            try command.run()
            if expectRefusal { fatalError("the sample expected a refusal for: \(shown)") }
        } catch where expectRefusal {
            guard ExitStatus.report(error) != 0 else { throw error }
            print("（以上操作被拒绝，会议记录未改变 — refused, nothing written）")
        }
        flushOutput()
    }

    /// Signs members in through the workspace so the script holds their PINs (shown masked).
    mutating func checkIn(_ members: [String]) throws {
        print("\n$ pingshen -C \(directory) checkin \(members.joined(separator: " "))")
        let (step, issued) = try folder.openForWriting().checkIn(members)
        for (m, pin) in issued { pins[m] = pin }
        print("签到 \(members.count) 人，已各自领取投票 PIN（此处不显示）；在场 \(step.state.present.count) 人")
    }

    /// Every voter of the open round casts a ballot: the first `yes` voters mark 同意 for each
    /// candidate, the next `no` mark 不同意, the next `abstain` mark 弃权; the rest do not vote.
    func castAll(_ plan: [String: (yes: Int, no: Int, abstain: Int)], skip: Set<String> = []) throws {
        let round = try folder.state().openRound!
        var cast = 0
        for (index, member) in round.opened.eligible.enumerated() where !skip.contains(member) {
            var choices: [CandidateID: Choice] = [:]
            for (candidate, p) in plan {
                if index < p.yes { choices[candidate] = .yes }
                else if index < p.yes + p.no { choices[candidate] = .no }
                else if index < p.yes + p.no + p.abstain { choices[candidate] = .abstain }
            }
            _ = try folder.openForWriting().castBallot(member: member, pin: pins[member]!, choices: choices)
            cast += 1
        }
        let sample = plan.keys.sorted().map { "\($0)=…" }.joined(separator: " ")
        print("\n$ pingshen -C \(directory) vote cast --member M.. --pin ****** \(sample)   （\(cast) 位委员各自投票）")
        print("已投 \(cast)/\(round.opened.eligible.count)")
    }

    mutating func play() throws {
        print("===== pingshen 示例评审会议 Sample session =====")
        print("（示例的私钥口令均为 \(Demo.passphrase)，由环境变量 PINGSHEN_PASSPHRASE 提供。The sample keys' passphrase is \(Demo.passphrase).）")
        let seal = "安徽省工程系列电子信息专业高级职称评审委员会"
        try type(["keys", "committee", "--name", seal, "--out", keys, "--not-before", "2026-11-01"])
        try type(["keys", "issue", "--role", "chair", "--name", "陈建国", "--ca-cert", keys + "/committee.pem",
                  "--ca-key", keys + "/committee.key", "--out", keys, "--not-before", "2026-11-01"])
        try type(["keys", "issue", "--role", "secretary", "--name", "王秘书", "--ca-cert", keys + "/committee.pem",
                  "--ca-key", keys + "/committee.key", "--out", keys, "--not-before", "2026-11-01"])
        for teller in Self.tellers {
            try type(["keys", "issue", "--role", "teller", "--name", teller, "--ca-cert", keys + "/committee.pem",
                      "--ca-key", keys + "/committee.key", "--out", keys, "--not-before", "2026-11-01"])
        }
        try type(["keys", "issue", "--role", "witness", "--algorithm", "ed25519", "--name", "省人社厅监督见证", "--ca-cert", keys + "/committee.pem",
                  "--ca-key", keys + "/committee.key", "--out", keys, "--not-before", "2026-11-01", "--file-name", "witness"])
        try startWitness()
        at("08:30")
        try type(["init", directory, "--settings", inputs + "/session.toml", "--members", inputs + "/members.csv",
                  "--candidates", inputs + "/candidates.csv", "--committee-cert", keys + "/committee.pem"])

        at("08:40")
        try checkIn(["M01", "M02", "M03", "M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11",
                     "M12", "M13", "M14", "M15", "M16", "M17", "M18", "M19", "M21", "M23"])
        at("08:45")
        try type(["observer", "李明", "--unit", "安徽省人力资源和社会保障厅", "--kind", "organizer"])
        try type(["observer", "赵华", "--unit", "合肥市人力资源和社会保障局", "--kind", "hrss"])
        try type(["observer", "某记者", "--unit", "安徽日报", "--kind", "hrss"], expectRefusal: true)
        at("08:50")
        try type(["open", "--host", "M01", "--recorder", "王秘书", "--host-key", keys + "/chair-陈建国.key",
                  "--host-cert", keys + "/chair-陈建国.pem", "--witness", Self.witnessURL, "--witness-cert", keys + "/witness.pem"])
        at("08:55")
        try type(["report", "本次共受理申报 14 人，材料经审核均符合申报条件，其中破格申报 3 人，论文均已送同行专家鉴定。"])

        // A batch of three, electronic.
        at("09:00")
        try type(["deliberate", "C01", "C02", "C03", "--opinion", "电子信息一组评议意见：业绩和成果符合高级工程师评审条件，建议通过。"])
        try type(["speech", "C01", "--member", "M04", "雷达信号处理项目贡献突出，成果已产业化。"])
        try type(["speech", "C03", "--member", "M08", "学历为本科，但工程实践经验丰富，专利 3 项。"])
        try type(["discussion", "C03", "委员围绕其学历与工程业绩展开讨论，多数委员认为其代表性业绩可以弥补学历不足。"])
        at("09:10")
        try checkIn(["M20"])
        at("09:20")
        try type(["vote", "open", "C01", "C02", "C03"])
        try type(["vote", "cast", "--member", "M20", "--pin", pins["M20"]!, "C01=同意"], expectRefusal: true)
        try castAll(["C01": (20, 1, 0), "C02": (18, 2, 1), "C03": (16, 3, 2)])
        try type(["vote", "cast", "--member", "M02", "--pin", pins["M02"]!, "C01=同意"], expectRefusal: true)
        at("09:30")
        try type(["vote", "close"])

        // A recusal: M07 works where C04 works.
        at("09:35")
        try type(["recuse", "M07", "--candidate", "C04", "--reason", "与申报人同一工作单位"])
        try type(["deliberate", "C04", "--opinion", "电子信息二组评议意见：显示器件驱动电路设计成果突出，建议通过。"])
        try type(["speech", "C04", "--member", "M09", "主持省重点研发项目 1 项，技术水平较高。"])
        at("09:45")
        try type(["vote", "open", "C04"])
        try type(["vote", "cast", "--member", "M07", "--pin", pins["M07"]!, "C04=同意"], expectRefusal: true)
        try castAll(["C04": (19, 1, 1)])
        at("09:55")
        try type(["vote", "close"])

        // A departure during deliberation, and a rejection.
        at("10:00")
        try type(["deliberate", "C05", "--opinion", "电子信息二组评议意见：近五年业绩成果不足，论文与专业关联度不高。"])
        try type(["speech", "C05", "--member", "M11", "代表性成果均为参与，非主要完成人。"])
        try type(["discussion", "C05", "委员对其是否为代表性成果的主要完成人意见不一，评议组长说明了核实情况。"])
        at("10:05")
        try type(["checkout", "M10", "--reason", "单位急事"])
        at("10:10")
        try type(["vote", "open", "C05"])
        try type(["vote", "cast", "--member", "M10", "--pin", pins["M10"] ?? "000000", "C05=同意"], expectRefusal: true)
        try castAll(["C05": (11, 7, 3)])
        at("10:15")
        try type(["vote", "close"])
        try type(["reason", "C05", "近五年无主持完成的代表性业绩成果，论文与申报专业关联度不高，同意票未达到三分之二。"])
        at("10:20")
        try checkIn(["M10"])

        // A paper round: four candidates on one sheet, entered by two tellers.
        at("10:25")
        try type(["deliberate", "C06", "C07", "C08", "C09", "--opinion", "评议组初审意见：四人均符合申报条件，其中 C06、C09 为破格申报，业绩突出。"])
        try type(["speech", "C09", "--member", "M03", "量子通信芯片测试方法获省科技进步二等奖，破格理由充分。"])
        at("10:40")
        try type(["vote", "open", "C06", "C07", "C08", "C09", "--paper", "--tellers"] + Self.tellers)
        try enterPaperSheets()
        at("11:05")
        try type(["vote", "close"])

        // The last two batches, electronic.
        at("11:10")
        try type(["deliberate", "C10", "C11", "C12", "--opinion", "电子信息一组、二组评议意见：三人业绩符合条件，建议通过。"])
        at("11:20")
        try type(["vote", "open", "C10", "C11", "C12"])
        try castAll(["C10": (17, 3, 2), "C11": (21, 1, 0), "C12": (18, 2, 1)], skip: ["M23"])
        at("11:30")
        try type(["vote", "close"])
        at("11:35")
        try type(["deliberate", "C13", "C14", "--opinion", "评议组初审意见：两人均符合条件，C14 为破格申报。"])
        at("11:45")
        try type(["vote", "open", "C13", "C14"])
        try castAll(["C13": (19, 2, 1), "C14": (17, 4, 1)])
        at("11:50")
        try type(["vote", "close"])

        at("11:55")
        try type(["matter", "C09 一篇论文存在引用不规范问题。", "--handling", "经评议组核实不影响其代表性成果的认定，记录在案，提醒申报人改正。"])
        try type(["matter", "评审材料于会后全部收回，由组建单位封存。"])
        try type(["close"], expectRefusal: true)
        at("12:00")
        try type(["announce"])
        at("12:05")
        try type(["close", "--recorder-key", keys + "/secretary-王秘书.key", "--recorder-cert", keys + "/secretary-王秘书.pem"])
        try type(["vote", "open", "C05"], expectRefusal: true)
        at("12:10")
        try type(["minutes", "sign", "--as", "host", "--key", keys + "/chair-陈建国.key", "--cert", keys + "/chair-陈建国.pem"])
        try type(["minutes", "sign", "--as", "recorder", "--key", keys + "/secretary-王秘书.key", "--cert", keys + "/secretary-王秘书.pem"])
        try type(["forms", "sign", "--as", "host", "--key", keys + "/chair-陈建国.key", "--cert", keys + "/chair-陈建国.pem"])
        try type(["forms", "sign", "--as", "seal", "--key", keys + "/committee.key", "--cert", keys + "/committee.pem"])
        try type(["status"])
        print("\n示例会议已保存在 \(directory)/（journal.jsonl 为会议日志），印章与私钥在 \(keys)/。")
        print("The sample session is in \(directory)/, the seal and keys in \(keys)/.")
    }

    /// Where the sample's witness says it is. The sample runs on a simulated morning, which a real
    /// witness's clock would contradict (V15 compares them), so its witness runs in this process
    /// on the same simulated clock; a real meeting runs `pingshen witness` on the supervisor's computer.
    static let witnessURL = "http://127.0.0.1:7380"

    /// Starts the sample's witness in this process, its state beside the session (`DIR.witness/`).
    func startWitness() throws {
        print("\n（示例的见证方在本进程内运行，使用同一模拟时钟；真实会议中由人社监督人员在另一台电脑上运行 pingshen witness。）")
        let committee = try Credentials.certificate(at: keys + "/committee.pem")
        let identity = try WitnessIdentity(keyFile: keys + "/witness.key", certificateFile: keys + "/witness.pem",
                                           passphrase: Demo.passphrase, committee: committee)
        let state = try WitnessState(path: directory + ".witness")
        let service = WitnessService(identity: identity, committee: committee, state: state, clock: {
            let now = ProcessInfo.processInfo.environment["PINGSHEN_TIME"].flatMap(ShanghaiTime.parse)
            return now.map { Date(timeIntervalSince1970: TimeInterval($0)) } ?? Date()
        })
        SessionOptions.witness = WitnessClient(inProcess: service, baseURL: URL(string: Self.witnessURL)!)
    }

    /// Two tellers enter all 22 sheets; one reading differs and is re-entered; one sheet has an
    /// invalid mark, one two marks; one sheet was not returned.
    func enterPaperSheets() throws {
        let round = try folder.state().openRound!
        let sheets = round.sheetsDistributed
        let candidates = ["C06", "C07", "C08", "C09"]
        func marks(_ sheet: Int) -> [String] {
            candidates.enumerated().map { (i, c) in
                if sheet == 5 && c == "C07" { return "\(c)=?" }
                if sheet == 6 && c == "C08" { return "\(c)=同意+不同意" }
                let no = [3, 2, 4, 1][i]
                return sheet > sheets - 1 - no - (i == 2 ? 1 : 0) ? "\(c)=不同意" : "\(c)=同意"
            }
        }
        var entered = 0
        for sheet in 1..<sheets {
            for teller in Self.tellers {
                var m = marks(sheet)
                if sheet == 9 && teller == "周监票" { m[0] = "C06=不同意" }
                // Each teller signs each entry with their own certificate (R15).
                try folder.openForWriting().enterSheet(teller: teller, sheet: sheet, marks: Dictionary(uniqueKeysWithValues: m.map {
                    let kv = $0.split(separator: "=", maxSplits: 1).map(String.init)
                    return (kv[0], kv.count > 1 ? kv[1].split(separator: "+").map(String.init) : [])
                }), identity: IdentityFiles(key: keys + "/teller-\(teller).key", certificate: keys + "/teller-\(teller).pem", passphrase: Demo.passphrase))
                entered += 1
            }
        }
        print("\n$ pingshen -C \(directory) vote paper --teller 孙计票 --key …/teller-孙计票.key --cert …/teller-孙计票.pem --sheet N C06=同意 C07=同意 …   （两名计票人各录入 \(sheets - 1) 张，第 \(sheets) 张未交回）")
        print("已录入 \(entered) 次；第 9 张两人录入不一致：")
        try type(["vote", "close"], expectRefusal: true)
        try type(["vote", "paper", "--teller", "周监票", "--sheet", "9", "--key", keys + "/teller-周监票.key", "--cert", keys + "/teller-周监票.pem"] + marks(9))
    }

    /// The paper round's two tellers (计票人、监票人), each with a certificate of their own.
    static let tellers = ["孙计票", "周监票"]
}
