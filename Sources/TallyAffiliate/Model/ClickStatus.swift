import GRDB
import TallyCore
import TallyReporting

/// Production's `ClickStatus`: an `affiliate_clicks` row's status.
public enum ClickStatus: String, StoredEnum {
    case valid = "VALID"
    case duplicate = "DUPLICATE"
    case suspicious = "SUSPICIOUS"
    case fraud = "FRAUD"
    case bot = "BOT"
}

/// A ``ClickStatus`` as the small code the click rollup stores (its position in the enum).
enum ClickStatusCode: UInt8, CaseIterable {
    case valid = 0
    case duplicate, suspicious, fraud, bot

    init(_ status: ClickStatus) { self.init(rawValue: UInt8(ClickStatus.allCases.firstIndex(of: status)!))! }

    var status: ClickStatus { ClickStatus.allCases[Int(rawValue)] }
    var text: String { status.rawValue }
}
