/// Whether one migration is applied to a store, and when.
public struct MigrationStatus: Sendable, Equatable {
    /// The production migration name.
    public let name: String
    /// The changelog's name for it, when different.
    public let changelogAlias: String?
    /// What the migration does.
    public let summary: String
    /// When it was applied (UTC, ISO-8601), or nil when pending.
    public let appliedAt: String?

    /// True when the migration is applied.
    public var isApplied: Bool { appliedAt != nil }
}
