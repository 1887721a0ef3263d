import Crypto
import Foundation
import GRDB

/// Replaces raw IP addresses with a keyed hash: `h:` and the first 32 hex digits of
/// HMAC-SHA-256(key, address).
///
/// The key is random, created on the first load that needs it, and kept in the store
/// (`tally_settings.ip_hash_key`), so the same address hashes the same way in every load into that
/// store and can still be matched, grouped and counted. 128 bits keep the value within production's
/// `VARCHAR(45)`. Anyone holding the store file holds the key; the hash keeps addresses out of sight,
/// not out of reach of a determined attacker with the file (docs/LOADING.md).
struct IPAddressHasher: Sendable {
    /// The key's bytes (`SymmetricKey` is not `Sendable`; the producer thread hashes).
    private let keyBytes: Data

    static func make(_ db: Database) throws -> IPAddressHasher {
        if let hex = try String.fetchOne(db, sql: #"SELECT "value" FROM "tally_settings" WHERE "key" = 'ip_hash_key'"#)
        {
            return IPAddressHasher(keyBytes: Data(hexString: hex))
        }
        let key = SymmetricKey(size: .bits256)
        let hex = key.withUnsafeBytes { Data($0).hexString }
        try db.execute(
            sql: #"INSERT INTO "tally_settings" ("key", "value") VALUES ('ip_hash_key', ?)"#, arguments: [hex])
        return IPAddressHasher(keyBytes: key.withUnsafeBytes { Data($0) })
    }

    func hash(_ address: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(address.utf8), using: SymmetricKey(data: keyBytes))
        return "h:" + Data(mac).hexString.prefix(32)
    }
}

extension Data {
    var hexString: String {
        map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    init(hexString: String) {
        var bytes: [UInt8] = []
        var iterator = hexString.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            bytes.append(UInt8(String([high, low]), radix: 16) ?? 0)
        }
        self.init(bytes)
    }
}
