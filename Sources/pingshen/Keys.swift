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
    @Option(help: ArgumentHelp("签名算法 Signature algorithm.", valueName: "ALGORITHM"))
    var algorithm: KeyAlgorithm?

    @Option(help: ArgumentHelp("写入的文件夹（不存在则创建）Folder to write to (made if missing).", valueName: "DIR"))
    var out: String = "."

    @Option(help: ArgumentHelp("新私钥的口令文件 Passphrase file for the new key.", valueName: "FILE"))
    var passphraseFile: String?

    @Flag(help: "以 JSON 输出写入的文件 Print the files written as JSON.")
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

    /// The folder `--out` names, made if missing (see `OutputPath`).
    func folder() throws -> String {
        try OutputPath(out.hasSuffix("/") ? out : out + "/").makeFolder()
    }

    /// What `keys … --json` prints.
    struct Output: Encodable {
        var certificate: String
        var key: String
        /// `committee` for the seal, else the role the certificate carries.
        var role: String
        var algorithm: String
    }

    func report(_ paths: (certificate: String, key: String), role: String, algorithm: KeyAlgorithm, _ what: String) {
        if json {
            printJSON(Output(certificate: paths.certificate, key: paths.key, role: role, algorithm: algorithm.rawValue))
        } else {
            print("已生成\(what)：证书 \(paths.certificate)，私钥 \(paths.key)（\(algorithm == .ed25519 ? "Ed25519，" : "")口令加密，权限 0600）")
        }
    }
}

/// `pingshen keys committee --name … [--algorithm sm2] --out DIR [--json]`
struct KeysCommittee: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "committee",
        abstract: "生成评委会印章私钥和自签名证书（信任根）：committee.pem、committee.key。Make the committee seal.",
        discussion: "印章私钥的口令：--passphrase-file 文件、环境变量 PINGSHEN_CA_PASSPHRASE，或终端输入。The seal key's passphrase comes from --passphrase-file, $PINGSHEN_CA_PASSPHRASE or the terminal.")

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
        if output.algorithm == .ed25519 { throw ValidationError("评委会印章只能是 p256 或 sm2 (the seal is p256 or sm2)") }
        _ = try output.validFrom
    }

    func run() throws {
        let directory = try output.folder()
        let passphrase = try Passphrase.read("评委会印章私钥", file: output.passphraseFile, environment: "PINGSHEN_CA_PASSPHRASE")
        let algorithm = output.algorithm ?? .p256
        let paths = try Identities.makeCommitteeSeal(name: name, organization: organization ?? name, algorithm: algorithm.signing ?? .p256, days: days,
                                                     notBefore: try output.validFrom, passphrase: passphrase, directory: directory)
        output.report((paths.certificate, paths.key), role: "committee", algorithm: algorithm, "评委会印章")
    }
}

/// `pingshen keys issue --role chair|secretary|teller|inspector|witness --name … [--ca-cert … --ca-key …] --out DIR [--json]`
struct KeysIssue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "issue",
        abstract: "为主持人、记录人、计票人、监督人或见证方生成私钥，并由评委会印章签发证书。Issue a certificate signed by the seal.",
        discussion: """
        见证方 witness 的私钥为 Ed25519（--algorithm ed25519，可省略）。组建单位接收加密归档的证书也用 --role inspector 签发\
        （如 --name 组建单位-安徽省人社厅）：归档只需接收人的证书。新私钥的口令：--passphrase-file 或 PINGSHEN_PASSPHRASE；\
        印章私钥的口令：--ca-passphrase-file 或 PINGSHEN_CA_PASSPHRASE。
        A witness key is Ed25519. The organizing unit's archive certificate is issued with --role inspector.
        """)

    @Option(help: ArgumentHelp("角色 Role.", valueName: "ROLE"))
    var role: CommitteeRole

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
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--name 不能为空") }
        if name.contains("/") || (fileName ?? "").contains("/") { throw ValidationError("--name/--file-name 不能含“/”") }
        if days <= 0 { throw ValidationError("--days 须为正数") }
        if role == .witness {
            guard output.algorithm == nil || output.algorithm == .ed25519 else {
                throw ValidationError("见证方私钥只能是 ed25519 (--role witness takes --algorithm ed25519)")
            }
        } else if output.algorithm == .ed25519 {
            throw ValidationError("只有见证方 witness 使用 ed25519 (only --role witness takes ed25519)")
        }
        _ = try output.validFrom
    }

    func run() throws {
        if role == .witness { return try issueWitness() }
        let directory = try output.folder()
        let sealPassphrase = try Passphrase.read("评委会印章私钥", file: caPassphraseFile, environment: "PINGSHEN_CA_PASSPHRASE")
        let passphrase = try Passphrase.read("新私钥", file: output.passphraseFile, environment: "PINGSHEN_PASSPHRASE")
        let seal = IdentityFiles(key: caKey, certificate: caCert, passphrase: sealPassphrase)
        let paths = try Identities.issue(role: role, name: name, algorithm: output.algorithm?.signing, days: days,
                                         notBefore: try output.validFrom,
                                         seal: seal, passphrase: passphrase, directory: directory, fileName: fileName ?? "\(role.rawValue)-\(name)")
        let algorithm: KeyAlgorithm = (try? Credentials.certificate(at: paths.certificate).publicKey.algorithm) == .sm2 ? .sm2 : .p256
        output.report((paths.certificate, paths.key), role: role.rawValue, algorithm: algorithm, "\(role)证书")
    }
}

extension KeysIssue {
    /// `--role witness`: an Ed25519 key and its certificate (see `WitnessIdentity.issue`).
    func issueWitness() throws {
        let directory = try output.folder()
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
                passphrase: passphrase, directory: directory, fileName: fileName ?? "\(role.rawValue)-\(name)")
        } catch {
            printError("错误：\(error)\nerror: cannot issue the witness certificate: \(error)")
            throw ExitCode(2)
        }
        output.report(paths, role: role.rawValue, algorithm: .ed25519, "见证方证书")
    }
}
