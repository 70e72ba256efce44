// Foundation's `range(of:)` and `contains(_:)` (what `import Foundation` makes Swift pick for two
// strings) copy both into UTF-16 first on Linux: thousands of instructions a call, a few
// percent of an import's. These match UTF-8 bytes as they are; planning documents and planq's
// vocabulary are NFC, so bytes compare as characters do. Concrete on `String` and `Substring`
// (not on `StringProtocol`): a generic method called from another module runs unspecialized.

extension String {
    /// Where `needle` first occurs, bytes matched as they are.
    public func utf8Range(of needle: String) -> Range<Index>? {
        guard let offset = ByteSearch.firstOffset(of: needle, in: utf8) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }

    public func utf8Contains(_ needle: String) -> Bool { ByteSearch.firstOffset(of: needle, in: utf8) != nil }
}

extension Substring {
    /// Where `needle` first occurs, bytes matched as they are; indices are the base string's.
    public func utf8Range(of needle: String) -> Range<Index>? {
        guard let offset = ByteSearch.firstOffset(of: needle, in: utf8) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

/// Finding bytes in bytes: the one loop behind `utf8Range(of:)` and the recognizers' keyword
/// scans (`TextPatterns.findAnywhere`).
public enum ByteSearch {
    /// The offset of `needle`'s first occurrence in `bytes`; an empty needle is at 0.
    public static func firstOffset(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        needle.withUnsafeBufferPointer { wanted in bytes.withUnsafeBufferPointer { firstOffset(of: wanted, in: $0) } }
    }

    static func firstOffset(of needle: String, in text: String.UTF8View) -> Int? {
        var needle = needle // `withUTF8` makes a bridged string's bytes contiguous first
        return needle.withUTF8 { wanted in
            text.withContiguousStorageIfAvailable { firstOffset(of: wanted, in: $0) } ?? firstOffset(of: wanted, in: Array(text))
        }
    }

    static func firstOffset(of needle: String, in text: Substring.UTF8View) -> Int? {
        var needle = needle
        return needle.withUTF8 { wanted in
            text.withContiguousStorageIfAvailable { firstOffset(of: wanted, in: $0) } ?? firstOffset(of: wanted, in: Array(text))
        }
    }

    private static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstOffset(of: needle, in: $0) }
    }

    /// The offset of `needle`'s first occurrence in `bytes`; an empty needle is at 0.
    private static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = needle.first else { return 0 }
        guard bytes.count >= needle.count else { return nil }
        var index = 0
        while index <= bytes.count - needle.count {
            if bytes[index] == first {
                var offset = 1
                while offset < needle.count, bytes[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// Which byte values a text holds: 256 bits. A needle can only occur in a text that holds every
/// byte the needle does, so a keyword list is checked against a heading by four `AND`s a keyword
/// before any scan (most of a multilingual list shares no letter with a given heading).
public struct ByteSet: Sendable, Equatable {
    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    // Concrete, not generic over `Sequence`: a generic initializer called from another module
    // runs unspecialized, a witness call a byte.
    public init(_ bytes: [UInt8]) {
        for byte in bytes { insert(byte) }
    }

    public init(_ text: String) {
        for byte in text.utf8 { insert(byte) }
    }

    private mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    /// Whether every byte of `other` is in this set.
    public func isSuperset(of other: ByteSet) -> Bool {
        other.words.0 & ~words.0 == 0 && other.words.1 & ~words.1 == 0
            && other.words.2 & ~words.2 == 0 && other.words.3 & ~words.3 == 0
    }

    public static func == (lhs: ByteSet, rhs: ByteSet) -> Bool {
        lhs.words == rhs.words
    }
}
