/// FNV-1a, 64-bit: a fast content hash to tell changed files (and changed tasks) apart.
/// Not cryptographic; collisions only cost a skipped re-parse of an edited file, and a file's
/// size and modification time are compared before its hash.
public struct ContentHash {
    private var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
    }

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
        add([0x1F])
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func of(_ bytes: [UInt8]) -> String {
        var hash = ContentHash()
        bytes.withUnsafeBufferPointer { hash.add($0) }
        return hash.hex
    }
}
