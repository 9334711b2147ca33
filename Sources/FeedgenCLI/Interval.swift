import ArgumentParser

/// A time interval on the command line: `200ms`, `2s`, `5m`, `1h`, or a number of seconds; from 1 ms to one week.
public struct Interval: ExpressibleByArgument, Sendable, Equatable {
    public var duration: Duration

    public init(_ duration: Duration) {
        self.duration = duration
    }

    public init?(argument: String) {
        let units: [(suffix: String, milliseconds: Double)] = [("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000)]
        var number = Substring(argument)
        var scale = 1000.0
        for unit in units where argument.hasSuffix(unit.suffix) {
            number = argument.dropLast(unit.suffix.count)
            scale = unit.milliseconds
            break
        }
        // Checked before converting: `Int64(1e300)` would stop the program.
        guard let value = Double(number), value.isFinite, value > 0 else { return nil }
        let milliseconds = (value * scale).rounded()
        guard milliseconds >= 1, milliseconds <= Self.maximumMilliseconds else { return nil }
        duration = .milliseconds(Int64(milliseconds))
    }

    /// The longest interval accepted: one week.
    static let maximumMilliseconds = 7 * 24 * 3_600_000.0

    public var defaultValueDescription: String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000)s" : "\(milliseconds)ms"
    }
}
