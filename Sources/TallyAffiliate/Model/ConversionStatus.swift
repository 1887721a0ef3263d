import TallyReporting

/// Production's `ConversionStatus` (changelog, "Affiliate program"): an `affiliate_conversions` row's status.
public enum ConversionStatus: String, StoredEnum {
    case pending = "PENDING"
    case approved = "APPROVED"
    case rejected = "REJECTED"
    case reversed = "REVERSED"
    case disputed = "DISPUTED"

    /// Active for attribution (AFFILIATE.md): every status but REJECTED and REVERSED.
    public var isActive: Bool { self == .pending || self == .approved || self == .disputed }
}
