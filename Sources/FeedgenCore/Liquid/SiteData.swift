/// `site.data`: every file of a site's `_data` folder as Jekyll's `DataReader` reads it.
///
/// `_data/a/b.yml` becomes `site.data.a.b`; `.yml`/`.yaml`, `.json`, `.csv` and `.tsv` are read,
/// other files are not. A file that does not parse is left out with an error naming it; the rest
/// of the data is still there.
public enum SiteData {
    /// The data of `files`, keyed by their paths relative to `_data` (`releases.yml`, `sub/info.json`).
    /// `folder` is how diagnostics name `_data` (e.g. `_data`).
    public static func parse(files: [String: String], folder: String = "_data") -> (
        data: LiquidValue, diagnostics: [Diagnostic]
    ) {
        var root = LiquidObject()
        var diagnostics: [Diagnostic] = []
        for path in files.keys.sorted() {
            let text = files[path]!
            let components = path.split(separator: "/").map(String.init)
            guard let fileName = components.last, let dot = fileName.lastIndex(of: ".") else { continue }
            let name = String(fileName[..<dot])
            let value: LiquidValue
            do {
                switch fileName[fileName.index(after: dot)...].lowercased() {
                case "yml", "yaml": value = try LiquidValue.parseYAML(text)
                case "json": value = try LiquidValue.parseJSON(text)
                case "csv": value = LiquidValue.parseCSV(text)
                case "tsv": value = LiquidValue.parseCSV(text, separator: "\t")
                default: continue
                }
            } catch {
                let problem = YAMLProblem(error)
                diagnostics.append(
                    Diagnostic(
                        .error, at: FileLocation(path: "\(folder)/\(path)", line: problem.line, column: problem.column),
                        "cannot read data file: \(problem.message)"))
                continue
            }
            insert(value, at: components.dropLast() + [name], into: &root)
        }
        return (.object(root), diagnostics)
    }

    private static func insert(_ value: LiquidValue, at path: [String], into object: inout LiquidObject) {
        guard let first = path.first else { return }
        if path.count == 1 {
            object[first] = value
            return
        }
        var child: LiquidObject
        if case .object(let existing)? = object[first] { child = existing } else { child = LiquidObject() }
        insert(value, at: Array(path.dropFirst()), into: &child)
        object[first] = .object(child)
    }
}
