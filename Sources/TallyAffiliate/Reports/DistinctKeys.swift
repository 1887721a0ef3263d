/// The distinct keys among `1...universe` seen so far, counted exactly: a set while few, a bitset
/// over the whole universe once the set would weigh more (about 8 bytes a member against
/// `universe / 8` bytes), so a partner with few addresses costs little and one with millions
/// costs a bit each.
struct DistinctKeys {
    private var few: Set<Int32> = []
    private var bits: [UInt64] = []
    private(set) var count = 0

    mutating func insert(_ key: Int32, universe: Int) {
        if bits.isEmpty {
            guard few.insert(key).inserted else { return }
            count += 1
            if few.count > universe / 64 + 1 {
                bits = Array(repeating: 0, count: universe / 64 + 1)
                for member in few { setBit(member) }
                few = []
            }
        } else if setBit(key) {
            count += 1
        }
    }

    /// Sets `key`'s bit; true when it was clear.
    @discardableResult
    private mutating func setBit(_ key: Int32) -> Bool {
        let (word, bit) = (Int(key) >> 6, UInt64(1) << UInt64(Int(key) & 63))
        guard bits[word] & bit == 0 else { return false }
        bits[word] |= bit
        return true
    }
}
