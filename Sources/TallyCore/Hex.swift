/// Lower-case hexadecimal text of bytes (digests in ledgers and load history).
///
/// Written byte by byte from a table: `String(format: "%02x")` costs a Foundation format call per
/// byte, which dominated a 500,000-record billing close (32 calls per content hash).
public enum Hex {
    public static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    public static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        Array(bytes).withUnsafeBytes(string(bytes:))
    }
}

extension Hex {
    /// The hex text of raw bytes (a digest's), written straight into the string's storage.
    public static func string(bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { utf8 in
            for (index, byte) in bytes.enumerated() {
                utf8[2 * index] = digits[Int(byte >> 4)]
                utf8[2 * index + 1] = digits[Int(byte & 0x0F)]
            }
            return bytes.count * 2
        }
    }
}
