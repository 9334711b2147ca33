import FeedgenCore
import Foundation

extension SiteReader {
    /// A site read from disk with its configuration parsed: what every command starts from.
    public struct Loaded: Sendable {
        public var site: Site
        public var parsed: SiteConfigParser.Result
    }

    /// Reads the site's files and parses `_config.yml` and `_data/authors.yml`.
    public static func load(root: URL) throws(BuildError) -> Loaded {
        let site: Site
        do {
            site = try read(root: root)
        } catch {
            throw .site(error)
        }
        do {
            return Loaded(
                site: site,
                parsed: try SiteConfigParser.parse(configYAML: site.configYAML, authorsYAML: site.authorsYAML))
        } catch {
            throw .config(error)
        }
    }
}
