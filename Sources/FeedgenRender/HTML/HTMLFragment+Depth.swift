import Clibxml2

extension HTMLFragment {
    /// How deep elements may nest in an item: feed readers parse item HTML with libxml2, whose default depth
    /// limit (256) cuts off deeper content and everything after it.
    static let maxDepth = 100

    /// Replaces every element nested more than `maxDepth` levels below the body by its content, so that the
    /// text stays and the nesting does not; returns whether anything was flattened. Walks without recursion:
    /// the fragment can be nested a million levels deep.
    func flattenDeepElements(maxDepth: Int = HTMLFragment.maxDepth) -> Bool {
        var flattened = false
        var node = body.pointee.children
        var depth = 1
        while let current = node {
            let isElement = current.pointee.type == XML_ELEMENT_NODE
            if isElement && depth == maxDepth && Self.flattenContent(of: current) { flattened = true }
            if isElement && depth < maxDepth, let child = current.pointee.children {
                node = child
                depth += 1
                continue
            }
            // The next node in document order that is not inside `current`.
            var climbing: xmlNodePtr? = current
            node = nil
            while let step = climbing, step != body {
                if let next = step.pointee.next {
                    node = next
                    break
                }
                climbing = step.pointee.parent
                depth -= 1
            }
        }
        return flattened
    }

    /// Makes every descendant of `element` that is an element give way to its content; returns whether any did.
    private static func flattenContent(of element: xmlNodePtr) -> Bool {
        var changed = false
        var child = element.pointee.children
        while let current = child {
            guard current.pointee.type == XML_ELEMENT_NODE else {
                child = current.pointee.next
                continue
            }
            // Text moved next to text is merged into the node before it, so continue from that node, which stays.
            let previous = current.pointee.prev
            while let inner = current.pointee.children {
                xmlUnlinkNode(inner)
                xmlAddPrevSibling(current, inner)
            }
            xmlUnlinkNode(current)
            xmlFreeNode(current)
            changed = true
            child = previous.map { $0.pointee.next } ?? element.pointee.children
        }
        return changed
    }
}
