import COpenSSL

/// Owns a `BIGNUM` and clears it when freed: blinding factors and private exponents live here.
final class OwnedBignum: @unchecked Sendable {
    let pointer: OpaquePointer

    init(takingOwnershipOf pointer: OpaquePointer) {
        self.pointer = pointer
    }

    deinit { BN_clear_free(pointer) }

    /// A fresh zero.
    convenience init() throws(SealError) {
        self.init(takingOwnershipOf: try checked(BN_new(), "分配大整数 (allocating a bignum)"))
    }

    /// The non-negative integer whose big-endian bytes are `bytes` (OS2IP).
    convenience init(bytes: [UInt8]) throws(SealError) {
        let bignum = bytes.withUnsafeBufferPointer { BN_bin2bn($0.baseAddress, Int32($0.count), nil) }
        self.init(takingOwnershipOf: try checked(bignum, "读取大整数 (reading a bignum)"))
    }

    /// The value as exactly `count` big-endian bytes (I2OSP); throws if it does not fit.
    func bytes(count: Int) throws(SealError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: count)
        guard BN_bn2binpad(pointer, &out, Int32(count)) == Int32(count) else {
            throw SealError.drainingQueue("大整数超出 \(count) 字节 (bignum does not fit in \(count) bytes)")
        }
        return out
    }

    var bitCount: Int { Int(BN_num_bits(pointer)) }

    /// Whether this value is below `other`.
    func isLess(than other: OwnedBignum) -> Bool { BN_cmp(pointer, other.pointer) < 0 }

    /// Marks the value secret, so that OpenSSL takes its constant-time paths with it.
    func markSecret() { BN_set_flags(pointer, BN_FLG_CONSTTIME) }
}

/// Modular arithmetic modulo one RSA modulus, each operation with its own `BN_CTX`.
struct ModularArithmetic {
    let modulus: OwnedBignum

    /// `base^exponent mod n`.
    func power(_ base: OwnedBignum, _ exponent: OwnedBignum) throws(SealError) -> OwnedBignum {
        try run("模幂 (modular exponentiation)") { BN_mod_exp($0.pointer, base.pointer, exponent.pointer, modulus.pointer, $1) }
    }

    /// `a · b mod n`.
    func product(_ a: OwnedBignum, _ b: OwnedBignum) throws(SealError) -> OwnedBignum {
        try run("模乘 (modular multiplication)") { BN_mod_mul($0.pointer, a.pointer, b.pointer, modulus.pointer, $1) }
    }

    /// `a⁻¹ mod n`; throws if `a` shares a factor with n.
    func inverse(_ a: OwnedBignum) throws(SealError) -> OwnedBignum {
        try run("模逆 (modular inverse)") { BN_mod_inverse($0.pointer, a.pointer, modulus.pointer, $1) == nil ? 0 : 1 }
    }

    /// Whether gcd(a, n) = 1.
    func isCoprime(_ a: OwnedBignum) throws(SealError) -> Bool {
        let divisor = try run("最大公约数 (greatest common divisor)") { BN_gcd($0.pointer, a.pointer, modulus.pointer, $1) }
        return BN_is_one(divisor.pointer) == 1
    }

    /// A uniformly random integer in [1, n), marked secret.
    func randomUnit() throws(SealError) -> OwnedBignum {
        let value = try OwnedBignum()
        repeat {
            try check(BN_rand_range(value.pointer, modulus.pointer), "抽取随机数 (drawing a random integer)")
        } while BN_is_zero(value.pointer) == 1
        value.markSecret()
        return value
    }

    private func run(
        _ operation: String, _ body: (OwnedBignum, OpaquePointer) -> Int32
    ) throws(SealError) -> OwnedBignum {
        let result = try OwnedBignum()
        let context = try checked(BN_CTX_new(), operation)
        defer { BN_CTX_free(context) }
        try check(body(result, context), operation)
        return result
    }
}
