import Records
import ArgumentParser
import Foundation
import Seal
import Witness
import WitnessServer
import Workspace

/// `pingshen witness --key K --cert C --committee-cert SEAL --state DIR [--listen HOST:PORT]`
struct WitnessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "witness",
        abstract: "在另一台电脑（如人社部门监督人员的电脑）上运行见证方：为会议日志的每个检查点签署见证（C2SP tlog-witness）。Run the witness.",
        discussion: """
        会议电脑在开会时向本机登记会议（POST /pingshen/register，附主持人签署的开会声明），之后每写一条日志\
        就提交检查点（POST /add-checkpoint）；本机验证一致性证明、先把新检查点写入 --state 文件夹，再回复 Ed25519 见证签名。\
        见证签名的密钥名由证书得出：pingshen.witness.<证书序列号前 16 位十六进制>。浏览器打开 http://HOST:PORT/ 可看见证状态。
        The witness cosigns every checkpoint of the meetings registered with it, persisting each before it answers.
        Its key name is pingshen.witness.<first 16 hex digits of its certificate's serial>. Stop it with Ctrl-C (SIGINT) or SIGTERM.
        退出码 Exit status: 0 正常停止 stopped; 2 输入错误 bad input (key, certificate, state folder); 1 其他错误 other error.
        """)

    @Option(help: ArgumentHelp("见证方私钥（Ed25519，口令加密 PKCS#8）The witness's key.", valueName: "FILE"))
    var key: String

    @Option(help: ArgumentHelp("见证方证书（角色 witness，由评委会印章签发）The witness's certificate.", valueName: "FILE"))
    var cert: String

    @Option(name: .customLong("committee-cert"), help: ArgumentHelp("所信任的评委会印章证书：只接受由它签发的主持人证书所登记的会议 The pinned committee seal.", valueName: "SEAL"))
    var committeeCert: String

    @Option(help: ArgumentHelp("状态文件夹：已登记的会议与每个会议最近见证的检查点 State folder.", valueName: "DIR"))
    var state: String

    @Option(help: ArgumentHelp("监听地址（默认 0.0.0.0:7380，即本机所有网卡）Address to listen on.", valueName: "HOST:PORT"))
    var listen: String = "0.0.0.0:7380"

    @Option(help: ArgumentHelp("私钥口令文件（或环境变量 PINGSHEN_PASSPHRASE，或终端输入）Passphrase file.", valueName: "FILE"))
    var passphraseFile: String?

    func validate() throws {
        _ = try address
    }

    /// `--listen` split into host and port.
    var address: (host: String, port: Int) {
        get throws {
            guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]), (0...65535).contains(port) else {
                throw ValidationError("--listen 应为 主机:端口，如 0.0.0.0:7380 (expected HOST:PORT, got \(listen))")
            }
            let host = String(listen[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            return (host.isEmpty ? "0.0.0.0" : host, port)
        }
    }

    func run() throws {
        let (host, port) = try address
        let committee = try Credentials.certificate(at: committeeCert)
        let passphrase = try Passphrase.read("见证方私钥", file: passphraseFile, environment: "PINGSHEN_PASSPHRASE")
        let service: WitnessService
        do {
            let identity = try WitnessIdentity(keyFile: key, certificateFile: cert, passphrase: passphrase, committee: committee)
            let folder = try WitnessState(path: state)
            // For crash tests only: die between the durable write and the answer.
            var afterPersist: (@Sendable () -> Void)?
            if ProcessInfo.processInfo.environment["PINGSHEN_WITNESS_CRASH_AFTER_PERSIST"] == "1" {
                afterPersist = { _ = kill(getpid(), SIGKILL) }
            }
            let onEvent: @Sendable (WitnessEvent) -> Void = { event in
                print(WitnessScreen.line(for: event, at: Date()))
                flushOutput()
            }
            service = WitnessService(identity: identity, committee: committee, state: folder, afterPersist: afterPersist, onEvent: onEvent)
        } catch {
            printError("错误：\(error)\nerror: \(error)")
            throw ExitCode(2)
        }
        print("见证方 witness: \(service.identity.cosigner.name)")
        print("评委会印章 committee seal: \(committee.subject)")
        print("状态文件夹 state: \(state)")
        flushOutput()
        do {
            try WitnessServer.runBlocking(service, host: host, port: port) { bound in
                for url in WitnessScreen.urls(host: host, port: bound) {
                    print("地址 URL: \(url)   （会议电脑使用此地址；浏览器打开可看见证状态 status page）")
                }
                print("按 Ctrl-C 停止 (press Ctrl-C to stop)")
                flushOutput()
            }
        } catch {
            printError("错误：见证方无法在 \(listen) 上运行：\(error)\nerror: the witness cannot serve on \(listen): \(error)")
            throw ExitCode(1)
        }
        print("见证方已停止 (witness stopped)")
    }
}

/// What the witness prints on its own screen: one line per event, never a client address.
enum WitnessScreen {
    static func line(for event: WitnessEvent, at date: Date) -> String {
        let time = "[\(ShanghaiTime.format(epochSeconds: Int64(date.timeIntervalSince1970)).dropFirst(11).prefix(8))]"
        switch event {
        case .registration(.registered(let log, let isNew, _)):
            return "\(time) \(isNew ? "已登记会议 registered" : "会议再次登记 registered again") \(log.origin)（评委会 \(log.meeting.committee)，主持人 \(log.meeting.host)）"
        case .registration(let outcome):
            return "\(time) 拒绝登记 registration refused (\(outcome.response.status))：\(String(decoding: outcome.response.body, as: UTF8.self).trimmingCharacters(in: .newlines))"
        case .addCheckpoint(.cosigned(let origin, let size, _)):
            return "\(time) 已见证 cosigned \(origin) 共 \(size) 条 (size \(size))"
        case .addCheckpoint(let outcome):
            return "\(time) 拒绝 refused (\(outcome.response.status))：\(String(decoding: outcome.response.body, as: UTF8.self).trimmingCharacters(in: .newlines))"
        }
    }

    /// The URLs the laptop can use: the host given, or each IPv4 address of this computer when
    /// listening on all of them.
    static func urls(host: String, port: Int) -> [String] {
        guard host == "0.0.0.0" || host == "::" else { return ["http://\(host):\(port)/"] }
        var addresses: [String] = []
        var list: UnsafeMutablePointer<ifaddrs>?
        if getifaddrs(&list) == 0 {
            var cursor = list
            while let entry = cursor {
                if let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) {
                    var name = [CChar](repeating: 0, count: Int(NI_MAXHOST))
                    if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &name, socklen_t(name.count), nil, 0, NI_NUMERICHOST) == 0 {
                        addresses.append(String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                    }
                }
                cursor = entry.pointee.ifa_next
            }
            freeifaddrs(list)
        }
        let ordered = addresses.filter { $0 != "127.0.0.1" } + addresses.filter { $0 == "127.0.0.1" }
        return (ordered.isEmpty ? ["127.0.0.1"] : ordered).map { "http://\($0):\(port)/" }
    }
}
