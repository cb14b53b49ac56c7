import ArgumentParser
import Foundation
import Records
import Seal
import Witness
import Workspace

/// `pingshen keys …`: the committee seal and the certificates it issues.
struct Keys: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "证书与私钥：评委会印章（信任根），以及由印章签发的主持人、记录人、计票人、监督人、见证方证书。Identities.",
        subcommands: [KeysCommittee.self, KeysIssue.self]
    )
}

/// Options both `keys` commands share.
struct KeyOutputOptions: ParsableArguments {
    @Option(help: "签名算法 p256（默认）或 sm2（国密）Signature algorithm.")
    var algorithm: String?

    @Option(help: ArgumentHelp("写入的文件夹 Folder to write to.", valueName: "DIR"))
    var out: String = "."

    @Option(help: ArgumentHelp("新私钥的口令文件（或环境变量 PINGSHEN_PASSPHRASE，或终端输入）Passphrase for the new key.", valueName: "FILE"))
    var passphraseFile: String?

    @Flag(help: "以 JSON 输出写入的文件路径 Print the paths written as JSON.")
    var json = false

    @Option(help: ArgumentHelp("证书生效日期（北京时间当日零时；默认即刻）Valid from this date.", valueName: "YYYY-MM-DD"))
    var notBefore: String?

    /// `--not-before` as a moment: 00:00 China Standard Time that day.
    var validFrom: Date? {
        get throws {
            guard let notBefore else { return nil }
            guard let seconds = ShanghaiTime.parse(notBefore + "T00:00:00+08:00") else {
                throw ValidationError("--not-before 应为 YYYY-MM-DD (got \(notBefore))")
            }
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
    }

    var signingAlgorithm: SigningAlgorithm? {
        get throws {
            guard let algorithm else { return nil }
            switch algorithm.lowercased() {
            case "p256", "p-256", "ecdsa": return .p256
            case "sm2", "国密": return .sm2
            default: throw ValidationError("--algorithm 只能是 p256 或 sm2 (got \(algorithm))")
            }
        }
    }

    func report(_ paths: IdentityPaths, _ what: String) {
        if json {
            printJSON(paths)
        } else {
            print("已生成\(what)：证书 \(paths.certificate)，私钥 \(paths.key)（口令加密，权限 0600）")
        }
    }
}

/// `pingshen keys committee --name … [--algorithm sm2] --out DIR [--json]`
struct KeysCommittee: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee",
        abstract: "生成评委会印章私钥和自签名证书（信任根）：committee.pem、committee.key。Make the committee seal.")

    @Option(help: "评委会名称（证书 CN）The committee's name.")
    var name: String

    @Option(help: "组织（证书 O，默认同名称）Organization.")
    var organization: String?

    @Option(help: "有效天数 Days valid.")
    var days: Int = 3650

    @OptionGroup var output: KeyOutputOptions

    func validate() throws {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name 不能为空") }
        if days <= 0 { throw ValidationError("--days 须为正数") }
        _ = try output.signingAlgorithm
        _ = try output.validFrom
    }

    func run() throws {
        let passphrase = try Passphrase.read("评委会印章私钥", file: output.passphraseFile, environment: "PINGSHEN_PASSPHRASE")
        let algorithm = try output.signingAlgorithm ?? .p256
        let paths = try Identities.makeCommitteeSeal(name: name, organization: organization ?? name, algorithm: algorithm, days: days,
                                             notBefore: try? output.validFrom,
                                             passphrase: passphrase, directory: output.out)
        output.report(paths, "评委会印章")
    }
}

/// `pingshen keys issue --role chair|secretary|teller|inspector|witness --name … [--ca-cert … --ca-key …] --out DIR [--json]`
struct KeysIssue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "为主持人、记录人、计票人、监督人或见证方生成私钥，并由评委会印章签发证书。Issue a certificate signed by the seal.",
        discussion: "见证方 witness 的私钥为 Ed25519（--algorithm ed25519，可省略）。A witness key is Ed25519.")

    @Option(help: "角色 chair（主持人）| secretary（记录人）| teller（计票人）| inspector（监督人）| witness（见证方，Ed25519）")
    var role: String

    @Option(help: "姓名（证书 CN）Name.")
    var name: String

    @Option(help: ArgumentHelp("评委会印章证书 The seal's certificate.", valueName: "FILE"))
    var caCert: String = "committee.pem"

    @Option(help: ArgumentHelp("评委会印章私钥 The seal's key.", valueName: "FILE"))
    var caKey: String = "committee.key"

    @Option(help: ArgumentHelp("印章私钥的口令文件（或环境变量 PINGSHEN_CA_PASSPHRASE）Passphrase file for the seal's key.", valueName: "FILE"))
    var caPassphraseFile: String?

    @Option(help: "有效天数 Days valid.")
    var days: Int = 1095

    @Option(help: ArgumentHelp("文件名（不含扩展名；默认 角色-姓名）File name without extension.", valueName: "NAME"))
    var fileName: String?

    @OptionGroup var output: KeyOutputOptions

    func validate() throws {
        guard let committeeRole = CommitteeRole(rawValue: role) else {
            throw ValidationError("--role 只能是 chair、secretary、teller、inspector 或 witness (got \(role))")
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name 不能为空") }
        if name.contains("/") || (fileName ?? "").contains("/") { throw ValidationError("--name/--file-name 不能含“/”") }
        if days <= 0 { throw ValidationError("--days 须为正数") }
        if committeeRole == .witness {
            guard output.algorithm == nil || output.algorithm?.lowercased() == "ed25519" else {
                throw ValidationError("见证方私钥只能是 ed25519 (--role witness takes --algorithm ed25519)")
            }
        } else if output.algorithm?.lowercased() == "ed25519" {
            throw ValidationError("只有见证方 witness 使用 ed25519 (only --role witness takes ed25519)")
        } else {
            _ = try output.signingAlgorithm
        }
        _ = try output.validFrom
    }

    func run() throws {
        if role == CommitteeRole.witness.rawValue { return try issueWitness() }
        let sealPassphrase = try Passphrase.read("评委会印章私钥", file: caPassphraseFile, environment: "PINGSHEN_CA_PASSPHRASE")
        let passphrase = try Passphrase.read("新私钥", file: output.passphraseFile, environment: "PINGSHEN_PASSPHRASE")
        let seal = IdentityFiles(key: caKey, certificate: caCert, passphrase: sealPassphrase)
        let paths = try Identities.issue(role: CommitteeRole(rawValue: role)!, name: name, algorithm: try? output.signingAlgorithm, days: days,
                                 notBefore: try? output.validFrom,
                                 seal: seal, passphrase: passphrase, directory: output.out, fileName: fileName ?? "\(role)-\(name)")
        output.report(paths, "\(CommitteeRole(rawValue: role)!)证书")
    }
}

extension KeysIssue {
    /// `--role witness`: an Ed25519 key and its certificate (see `WitnessIdentity.issue`).
    func issueWitness() throws {
        let sealPassphrase = try Passphrase.read("评委会印章私钥", file: caPassphraseFile, environment: "PINGSHEN_CA_PASSPHRASE")
        let passphrase = try Passphrase.read("新私钥", file: output.passphraseFile, environment: "PINGSHEN_PASSPHRASE")
        let sealCertificate = try Credentials.certificate(at: caCert)
        let paths: (certificate: String, key: String)
        do {
            let seal = try CertificateAuthority(identity: Identity(
                certificate: sealCertificate, key: SigningKey(contentsOf: caKey, passphrase: sealPassphrase)))
            let now = Date()
            let begin = try output.validFrom ?? now.addingTimeInterval(-300)
            paths = try WitnessIdentity.issue(
                name: name, validity: begin...max(begin, now).addingTimeInterval(TimeInterval(days) * 86400), seal: seal,
                passphrase: passphrase, directory: output.out, fileName: fileName ?? "\(role)-\(name)")
        } catch {
            printError("错误：\(error)\nerror: cannot issue the witness certificate: \(error)")
            throw ExitCode(2)
        }
        if output.json {
            struct Paths: Encodable { let certificate, key: String }
            printJSON(Paths(certificate: paths.certificate, key: paths.key))
        } else {
            print("已生成见证方证书：证书 \(paths.certificate)，私钥 \(paths.key)（Ed25519，口令加密，权限 0600）")
        }
    }
}
