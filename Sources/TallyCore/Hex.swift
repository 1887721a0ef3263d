/// Lower-case hexadecimal text of bytes (digests in ledgers and load history).
///
/// Written byte by byte from a table: `String(format: "%02x")` costs a Foundation format call per
/// byte, which dominated a 500,000-record billing close (32 calls per content hash).
public enum Hex {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func string<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var utf8: [UInt8] = []
        utf8.reserveCapacity(64)
        for byte in bytes {
            utf8.append(digits[Int(byte >> 4)])
            utf8.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: utf8, as: UTF8.self)
    }
}
