import Foundation
import Testing

/// The port `feedgen watch --metrics HOST:0` bound, read from its `metrics listening metrics.address=...` line.
func metricsPort(of daemon: BackgroundProcess) async throws -> Int {
    let line = try #require(
        await daemon.waitForLines(where: { $0.contains(" info metrics listening ") }).first, "\(daemon.lines)")
    let address = try #require(line.split(separator: " ").first { $0.hasPrefix("metrics.address=") })
    return try #require(Int(address.split(separator: ":").last!))
}

/// Every sample of a Prometheus text exposition, by series (`name{labels}`), comment lines left out.
func prometheusSamples(_ body: Data) -> [String: String] {
    var samples: [String: String] = [:]
    for line in String(decoding: body, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
        guard let space = line.lastIndex(of: " ") else { continue }
        samples[String(line[..<space])] = String(line[line.index(after: space)...])
    }
    return samples
}
