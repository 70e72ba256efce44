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
