import ArgumentParser
import CSQLiteConfig
import Foundation
import TallyCore
import TallyStore

/// A command outcome that is not success, raised by the CLI itself: what to say and which status.
struct CommandFailure: TallyError {
    let message: String
    var hint: String? = nil
    let status: ExitStatus

    var exitStatus: ExitStatus { status }
}
