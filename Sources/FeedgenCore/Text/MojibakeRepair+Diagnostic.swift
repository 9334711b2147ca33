extension MojibakeRepair {
    /// One warning summing up the repairs made on lines `lines` of `path`, or nil when there were none.
    ///
    /// A damaged post has hundreds of repairs; one line naming the first and the count says what happened
    /// without burying the other messages.
    public func diagnostic(path: String, lines: PartialRangeFrom<Int> = 1...) -> Diagnostic? {
        let inRange = repairs.filter { lines.contains($0.line) }
        guard let first = inRange.first else { return nil }
        let encodings = Set(inRange.map(\.encoding)).map(\.rawValue).sorted().joined(separator: " or ")
        let more = inRange.count > 1 ? " and \(inRange.count - 1) more" : ""
        return Diagnostic(
            .warning, at: FileLocation(path: path, line: first.line),
            "repaired mojibake (UTF-8 once read as \(encodings)): '\(first.original)' -> '\(first.repaired)'\(more)")
    }
}
