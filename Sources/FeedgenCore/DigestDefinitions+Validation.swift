extension DigestDefinitions {
    /// What is wrong with the first `digest:` value that could not go into a mail header, or nil.
    public var problem: String? {
        if let from, let problem = MailHeaderValue.addressProblem(from) {
            return
                "'digest.from' must be a mail address such as Name <name@example.org>, got \(String(reflecting: from)): \(problem)"
        }
        for address in to {
            if let problem = MailHeaderValue.addressProblem(address) {
                return
                    "'digest.to' must hold mail addresses such as name@example.org, got \(String(reflecting: address)): \(problem)"
            }
        }
        for uri in unsubscribe {
            if let problem = MailHeaderValue.unsubscribeProblem(uri) {
                return
                    "'digest.unsubscribe' must hold mailto: or https: URIs, got \(String(reflecting: uri)): \(problem)"
            }
        }
        return nil
    }
}
