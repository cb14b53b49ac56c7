@testable import Seal

/// Keys shared across tests: EC keys are cheap, but there is no reason to make hundreds.
enum Fixtures {
    static let p256 = try! SigningKey.generate(.p256)
    static let sm2 = try! SigningKey.generate(.sm2)

    static func key(_ algorithm: SigningAlgorithm) -> SigningKey {
        switch algorithm {
        case .p256: p256
        case .sm2: sm2
        }
    }

    /// A fixed message with a zero byte, CR/LF and non-ASCII text, so no layer may treat it as text.
    static let message: [UInt8] = Array("评审会议记录\r\n第 1 轮\n".utf8) + [0, 0xff, 0x0d, 0x0a]
}
