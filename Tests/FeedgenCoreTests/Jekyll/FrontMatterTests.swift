import FeedgenCore
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let text = "---\ntitle: \"Hello\"\ntags: [a, b]\n---\n\nBody line\n"
        let frontMatter = try FrontMatter.parse(text)
        #expect(frontMatter.string("title") == "Hello")
        #expect(frontMatter.list("tags") == ["a", "b"])
        #expect(frontMatter.body == "\nBody line\n")
        #expect(frontMatter.bodyLine == 5)
    }

    @Test func acceptsDotsAndTrailingSpacesOnDelimiters() throws {
        let frontMatter = try FrontMatter.parse("---  \ntitle: x\n...\nbody")
        #expect(frontMatter.string("title") == "x")
        #expect(frontMatter.body == "body")
        #expect(frontMatter.bodyLine == 4)
    }

    @Test func emptyValuesAreAbsent() throws {
        let frontMatter = try FrontMatter.parse("---\nexcerpt: \"\"\nmodified:\nimage:\n---\n")
        #expect(frontMatter.string("excerpt") == nil)
        #expect(frontMatter.string("modified") == nil)
        #expect(frontMatter.string("image") == nil)
    }

    @Test func tagsAsStringAreSplitAtWhiteSpaceLikeJekyll() throws {
        let frontMatter = try FrontMatter.parse("---\ntags: nlp  ml\ncategories: \"\"\n---\n")
        #expect(frontMatter.list("tags") == ["nlp", "ml"])
        #expect(frontMatter.list("categories") == [])
    }

    @Test func missingFrontMatterIsReported() {
        #expect(throws: FrontMatterError(line: 1, reason: .missing)) { try FrontMatter.parse("# Title\n") }
        #expect(throws: FrontMatterError(line: 1, reason: .missing)) { try FrontMatter.parse("---\ntitle: x\n") }
    }

    @Test func brokenYAMLNamesTheLineInTheFile() {
        let text = "---\ntitle: \"unterminated\nauthor: x\n---\nbody\n"
        #expect {
            try FrontMatter.parse(text)
        } throws: { error in
            guard let error = error as? FrontMatterError, case .invalidYAML(let message) = error.reason else {
                return false
            }
            return error.line == 4 && message.contains("quoted scalar")
        }
    }

    @Test func aListIsNotAFrontMatter() {
        #expect(throws: FrontMatterError(line: 2, reason: .notAMapping)) {
            try FrontMatter.parse("---\n- a\n- b\n---\n")
        }
    }

    /// Jekyll (Psych) keeps the last of two equal keys; Yams refuses them, so feedgen drops the first and warns.
    @Test func duplicateKeysKeepTheLastValueWithAWarning() throws {
        let text = "---\ntitle: x\nexcerpt: \"first\"\nexcerpt: \"second\"\n---\n"
        let frontMatter = try FrontMatter.parse(text)
        #expect(frontMatter.string("excerpt") == "second")
        #expect(
            frontMatter.warnings == [
                FrontMatterWarning(line: 3, message: "duplicate key 'excerpt': the later value wins, as in Jekyll")
            ])
    }

    @Test func linesOfFieldsAreLinesOfTheFile() throws {
        let frontMatter = try FrontMatter.parse("---\ntitle: x\n\ndate: 2020-01-01\n---\n")
        #expect(frontMatter.line(of: "title") == 2)
        #expect(frontMatter.line(of: "date") == 4)
    }

    /// YAML 1.1 reads unquoted `no`, `off`, `~` as false and null; quoted, they are strings.
    @Test func typedFieldsFollowYAMLOneOne() throws {
        let frontMatter = try FrontMatter.parse(
            "---\npublished: no\ncomments: \"off\"\nissue: 12\nlabel: \"12\"\nimage: ~\nnote: \"~\"\n---\n")
        #expect(frontMatter.bool("published") == false)
        #expect(frontMatter.bool("comments") == nil)
        #expect(frontMatter.string("comments") == "off")
        #expect(frontMatter.int("issue") == 12)
        #expect(frontMatter.int("label") == nil)
        #expect(frontMatter.string("image") == nil)
        #expect(frontMatter.string("note") == "~")
    }
}
