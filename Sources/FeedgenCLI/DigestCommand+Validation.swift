import ArgumentParser
import FeedgenCore

extension DigestCommand {
    /// Refuses an address, `List-Unsubscribe` URI or language tag that could add a mail header or name a
    /// file outside the state folder, before anything is read, sent or written.
    func validateHeaderValues() throws {
        if let from, let problem = MailHeaderValue.addressProblem(from) {
            throw ValidationError(
                "--from must be a mail address such as Name <name@example.org>, got \(quoted(from)): \(problem)")
        }
        for address in to {
            if let problem = MailHeaderValue.addressProblem(address) {
                throw ValidationError(
                    "--to must be a mail address such as name@example.org, got \(quoted(address)): \(problem)")
            }
        }
        for uri in listUnsubscribe {
            if let problem = MailHeaderValue.unsubscribeProblem(uri) {
                throw ValidationError(
                    "--list-unsubscribe must be a mailto: or https: URI, got \(quoted(uri)): \(problem)")
            }
        }
        if let lang, LanguageTag.normalized(lang) == nil {
            throw ValidationError("--lang must be a BCP 47 language tag such as fr or pt-BR, got \(quoted(lang))")
        }
    }

    /// The value in quotes, with control characters escaped as Swift writes them (`\n`).
    private func quoted(_ value: String) -> String { String(reflecting: value) }
}
