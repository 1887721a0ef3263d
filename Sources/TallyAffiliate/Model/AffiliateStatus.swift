import TallyReporting

/// Production's `AffiliateStatus`: an `affiliate_partners` row's standing. Only an ACTIVE partner is paid (P4).
public enum AffiliateStatus: String, StoredEnum {
    case pendingApproval = "PENDING_APPROVAL"
    case active = "ACTIVE"
    case suspended = "SUSPENDED"
    case inactive = "INACTIVE"
    case rejected = "REJECTED"
    case terminated = "TERMINATED"
}
