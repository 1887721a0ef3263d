import Foundation

/// A blocking first-in first-out queue of at most `capacity` items between two threads.
///
/// The load's producer thread parses and converts rows while the database thread writes them; the
/// bound keeps memory flat when one side is faster than the other.
final class BoundedQueue<Item>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Item] = []
    private var isCancelled = false
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room, then appends; returns false when the queue was cancelled.
    @discardableResult
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= capacity && !isCancelled { condition.wait() }
        guard !isCancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Waits for an item; nil when the queue was cancelled.
    func take() -> Item? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !isCancelled { condition.wait() }
        guard !items.isEmpty else { return nil }
        let item = items.removeFirst()
        condition.broadcast()
        return item
    }

    /// Wakes both sides for good: the consumer stopped (an error) or finished.
    func cancel() {
        condition.lock()
        isCancelled = true
        condition.broadcast()
        condition.unlock()
    }

    var wasCancelled: Bool {
        condition.lock()
        defer { condition.unlock() }
        return isCancelled
    }
}
