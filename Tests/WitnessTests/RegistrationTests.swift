import Foundation
import Journal
import Seal
import Testing
@testable import Witness

/// `POST /pingshen/register` decided without HTTP: which logs the witness agrees to follow.
struct RegistrationTests {
    @Test("A statement signed (CMS) by a chair of the pinned seal registers the log; the receipt names the witness", arguments: [Committee.p256, Committee.sm2])
    func registers(_ committee: Committee) throws {
        let harness = try Harness(committee)
        let log = try SessionLog(algorithm: committee.chair.key.algorithm)
        let outcome = harness.service.register(try log.registration(committee).body)
        guard case .registered(let registered, let isNew, let receipt) = outcome else {
            Issue.record("refused: \(text(outcome.response))")
            return
        }
        #expect(isNew && registered.origin == log.origin)
        #expect(registered.meeting.committee == "安徽省工程系列高级职称评审委员会" && registered.meeting.host == "M01 张主任")
        #expect(outcome.response.status == 200 && outcome.response.contentType == "application/json")
        let parsed = try #require(RegistrationReceipt(body: outcome.response.body))
        #expect(parsed == receipt && parsed.size == 0 && parsed.origin == log.origin)
        let verifier = try parsed.witness(trusting: committee.seal)
        #expect(verifier.name == committee.witness.cosigner.name && verifier.key == committee.witness.key.publicKey)
        #expect(verifier.name == "pingshen.witness." + committee.witness.certificate.serialHex.prefix(16))
        #expect(throws: WitnessError.self) { try parsed.witness(trusting: Committee.other.seal) }
    }

    @Test("The registration body round-trips and is the JSON the documentation describes")
    func bodyFormat() throws {
        let log = try SessionLog()
        let registration = try log.registration(.p256)
        let body = registration.body
        #expect(try LogRegistration(parsing: body) == registration)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
        #expect(Set(object.keys) == ["origin", "keyName", "sessionKey", "statement"])
        #expect(object["sessionKey"] as? String == Data(log.key.publicKey.subjectPublicKeyInfo).base64EncodedString())
        let statement = try #require(object["statement"] as? [String: String])
        #expect(Set(statement.keys) == ["text", "format", "signature", "certificate"] && statement["format"] == "cms")
        #expect(statement["certificate"] == Data(Committee.p256.chair.certificate.der).base64EncodedString())
    }

    @Test("Registering again with the same key is idempotent; another key for a known origin is 409")
    func idempotentAndConflict() throws {
        let harness = try Harness()
        let log = try SessionLog()
        try harness.register(log)
        let again = harness.service.register(try log.registration(.p256).body)
        guard case .registered(_, false, _) = again else { Issue.record("\(again)"); return }
        let impostor = try SessionLog()  // same origin, another session key
        let refused = harness.service.register(try impostor.registration(.p256).body)
        #expect(refused.response.status == 409)
        guard case .refused(.originTaken(log.origin)) = refused else { Issue.record("\(refused)"); return }
        let renamed = try SessionLog(keyName: "pingshen.session.other")
        #expect(harness.service.register(try renamed.registration(.p256).body).response.status == 409)
    }

    @Test("Refused with 403: another seal's chair, a non-chair, a statement naming another key, origin or key name, a forged signature")
    func refusals() throws {
        let harness = try Harness()
        let log = try SessionLog()
        let other = try SessionLog()
        func expectRefusal(_ registration: LogRegistration, _ label: String, sourceLocation: SourceLocation = #_sourceLocation,
                           _ check: (RegistrationError) -> Bool) {
            let outcome = harness.service.register(registration.body)
            #expect(outcome.response.status == 403, "\(label): \(text(outcome.response))", sourceLocation: sourceLocation)
            guard case .refused(let error) = outcome, check(error) else {
                Issue.record("\(label): \(outcome)", sourceLocation: sourceLocation)
                return
            }
        }
        expectRefusal(try log.registration(.p256, signer: Committee.other.chair), "another seal's chair") {
            if case .untrustedHost = $0 { true } else { false }
        }
        expectRefusal(try log.registration(.p256, signer: Committee.p256.secretary), "a secretary") { $0 == .notChair(.secretary) }
        expectRefusal(try log.registration(.p256, text: Committee.statementText(sessionKey: other.key.publicKey, origin: log.origin, keyName: log.keyName)),
                      "a statement naming another key") { $0 == .statementMismatch("会议密钥 (session key)") }
        expectRefusal(try log.registration(.p256, text: Committee.statementText(sessionKey: log.key.publicKey, origin: "pingshen.session/other", keyName: log.keyName)),
                      "a statement naming another origin") { $0 == .statementMismatch("检查点来源与密钥名 (origin and key name)") }
        expectRefusal(try log.registration(.p256, text: Committee.statementText(sessionKey: log.key.publicKey, origin: log.origin, keyName: "other.key")),
                      "a statement naming another key name") { $0 == .statementMismatch("检查点来源与密钥名 (origin and key name)") }
        let twoKeys = Committee.statementText(sessionKey: log.key.publicKey, origin: log.origin, keyName: log.keyName)
            + "会议密钥 session key (ecdsa-p256-sha256, SubjectPublicKeyInfo, base64): \(Data(other.key.publicKey.subjectPublicKeyInfo).base64EncodedString())\n"
        expectRefusal(try log.registration(.p256, text: twoKeys), "a statement naming two keys") { $0 == .statementMismatch("会议密钥 (session key)") }
        // The chair signed one text; another is presented with that signature.
        let signed = try log.registration(.p256)
        let forged = LogRegistration(
            origin: log.origin, keyName: log.keyName, sessionKey: log.key.publicKey,
            statement: HostStatement(text: signed.statement.text.replacingOccurrences(of: "M01 张主任", with: "M02 王委员"), format: .cms,
                                     signature: signed.statement.signature, certificate: signed.statement.certificate))
        expectRefusal(forged, "a text the signature is not over") { if case .badSignature = $0 { true } else { false } }
        // A CMS signature by the chair, presented with another chair certificate of the same seal.
        let otherChair = try Committee.member(Committee.p256.authority, "赵副主任", .chair, .p256)
        let swapped = LogRegistration(
            origin: log.origin, keyName: log.keyName, sessionKey: log.key.publicKey,
            statement: HostStatement(text: signed.statement.text, format: .cms, signature: signed.statement.signature, certificate: otherChair.certificate))
        expectRefusal(swapped, "another chair's certificate") { if case .badSignature = $0 { true } else { false } }
        // An expired chair certificate.
        let past = Committee.now.addingTimeInterval(-30 * 86_400)...Committee.now.addingTimeInterval(-86_400)
        let expired = try Committee.member(Committee.p256.authority, "前主任", .chair, .p256, validity: past)
        expectRefusal(try log.registration(.p256, signer: expired), "an expired certificate") { if case .untrustedHost = $0 { true } else { false } }
        #expect(harness.service.status().logs.isEmpty)
    }

    @Test("Refused with 400: malformed bodies", arguments: [
        ("not JSON", "registration please"),
        ("an array", "[]"),
        ("an extra member", #"{"origin":"o","keyName":"k","sessionKey":"AAAA","statement":{},"extra":"x"}"#),
        ("a missing member", #"{"origin":"o","keyName":"k","statement":{}}"#),
        ("a number", #"{"origin":1,"keyName":"k","sessionKey":"AAAA","statement":{}}"#),
    ])
    func malformed(_ label: String, _ body: String) throws {
        let harness = try Harness()
        let outcome = harness.service.register(Array(body.utf8))
        #expect(outcome.response.status == 400, "\(label)")
    }

    @Test("Refused with 400: fields that do not parse")
    func malformedFields() throws {
        let harness = try Harness()
        let good = try #require(try JSONSerialization.jsonObject(with: Data(try SessionLog().registration(.p256).body)) as? [String: Any])
        func body(_ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
            var object = good
            edit(&object)
            return Array(try JSONSerialization.data(withJSONObject: object))
        }
        func statement(_ key: String, _ value: String) -> (inout [String: Any]) -> Void {
            { object in
                var s = object["statement"] as! [String: Any]
                s[key] = value
                object["statement"] = s
            }
        }
        let cases: [(String, (inout [String: Any]) -> Void)] = [
            ("origin with a newline", { $0["origin"] = "a\nb" }),
            ("empty origin", { $0["origin"] = "" }),
            ("key name with a space", { $0["keyName"] = "a b" }),
            ("session key not base64", { $0["sessionKey"] = "!!" }),
            ("session key an Ed25519 key", { $0["sessionKey"] = Data(Committee.p256.witness.key.publicKey.subjectPublicKeyInfo).base64EncodedString() }),
            ("unknown format", statement("format", "pkcs7")),
            ("signature not canonical base64", statement("signature", "AAA")),
            ("certificate not a certificate", statement("certificate", "AAAA")),
            ("certificate of the witness (Ed25519)", statement("certificate", Data(Committee.p256.witness.certificate.der).base64EncodedString())),
        ]
        for (label, edit) in cases {
            let outcome = harness.service.register(try body(edit))
            #expect(outcome.response.status == 400, "\(label): \(text(outcome.response))")
        }
        let huge = [UInt8](repeating: 0x20, count: LogRegistration.maximumBodySize + 1)
        #expect(harness.service.register(huge).response.status == 400)
    }
}
