/// FNV-1a, 64-bit: a fast content hash to tell changed files (and changed tasks) apart.
/// Not cryptographic; collisions only cost a skipped re-parse of an edited file, and a file's
/// size and modification time are compared before its hash.
public struct ContentHash {
    @usableFromInline var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Inlinable, so that a caller in another module (the linker's word table) gets the loop
    /// specialized for its bytes rather than a generic call per byte.
    @inlinable public mutating func add<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes { append(byte: byte) }
    }

    /// The hash as a number, for a hash table's slot.
    public var number: UInt64 { value }

    /// `text`'s bytes, then a separator (so that `ab`,`c` and `a`,`bc` differ).
    public mutating func add(_ text: String) {
        append(text)
        append(byte: 0x1F)
    }

    /// A number in decimal (nothing for nil), then the separator: `add(String(number))`,
    /// without making the string.
    public mutating func add(decimal number: Int?) {
        if let number {
            if number < 0 { append(byte: UInt8(ascii: "-")) }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                         UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = number.magnitude
            withUnsafeMutableBytes(of: &digits) { buffer in
                repeat {
                    buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                    count += 1
                } while rest > 0
                for index in stride(from: count - 1, through: 0, by: -1) { append(byte: buffer[index]) }
            }
        }
        append(byte: 0x1F)
    }

    /// `parts` joined by `separator`, then the separator byte: `add(parts.joined(separator:))`.
    public mutating func add(joined parts: [String], separator: String) {
        for (index, part) in parts.enumerated() {
            if index > 0 { append(separator) }
            append(part)
        }
        append(byte: 0x1F)
    }

    /// `text`'s bytes, without a separator.
    public mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    @inlinable public mutating func append(byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    /// Sixteen lowercase hex digits.
    public var hex: String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8((value >> (60 - 4 * UInt64(index))) & 0xF)
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }

    public static func of(_ bytes: [UInt8]) -> String {
        var hash = ContentHash()
        bytes.withUnsafeBufferPointer { hash.add($0) }
        return hash.hex
    }
}
