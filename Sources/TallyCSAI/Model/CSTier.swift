import TallyReporting

/// Production's `CSTier`: who handled a `cs_ai_usage` record. Production pricing scales a record's
/// priced parts by its tier's multiplier; the summary row reports voice minutes per tier.
public enum CSTier: String, StoredEnum {
    case aiRep = "AI_REP"
    case aiManager = "AI_MANAGER"
    case humanAgent = "HUMAN_AGENT"
}
