extension DigestDefinitions {
    /// The first `digest:` value that could not go into a mail header, its key and what is wrong; or nil.
    public var problem: (key: String, message: String)? {
        if let from, let problem = MailHeaderValue.addressProblem(from) {
            return (
                "from",
                "'digest.from' must be a mail address such as Name <name@example.org>, got \(String(reflecting: from)): \(problem)"
            )
        }
        for address in to {
            if let problem = MailHeaderValue.addressProblem(address) {
                return (
                    "to",
                    "'digest.to' must hold mail addresses such as name@example.org, got \(String(reflecting: address)): \(problem)"
                )
            }
        }
        for uri in unsubscribe {
            if let problem = MailHeaderValue.unsubscribeProblem(uri) {
                return (
                    "unsubscribe",
                    "'digest.unsubscribe' must hold mailto: or https: URIs, got \(String(reflecting: uri)): \(problem)"
                )
            }
        }
        return nil
    }
}
