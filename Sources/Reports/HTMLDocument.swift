import CLibXML2

/// The only user of libxml2: builds an HTML document as a tree and serializes it, so text is
/// always escaped by the library. Reports build on it; the report builders come with the
/// reports issue.
public final class HTMLDocument {
    private let document: xmlDocPtr
    private let root: xmlNodePtr

    public init(title: String) {
        document = htmlNewDocNoDtD(nil, nil)
        root = xmlNewNode(nil, "html")
        xmlDocSetRootElement(document, root)
        let head = xmlNewChild(root, nil, "head", nil)
        let meta = xmlNewChild(head, nil, "meta", nil)
        xmlNewProp(meta, "charset", "utf-8")
        xmlNewTextChild(head, nil, "title", title)
        body = xmlNewChild(root, nil, "body", nil)
    }

    deinit { xmlFreeDoc(document) }

    private var body: xmlNodePtr?

    /// Appends an element with escaped text to the body.
    public func append(element: String, text: String) {
        xmlNewTextChild(body, nil, element, text)
    }

    /// The serialized document.
    public func serialize() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemoryFormat(document, &buffer, &size, 1)
        defer { planq_xml_free(buffer) }
        guard let buffer else { return "" }
        return String(cString: buffer)
    }

    /// The text content of every element named `element` in serialized HTML: tests parse
    /// reports back with this.
    public static func texts(of element: String, in html: String) -> [String] {
        guard let parsed = htmlReadMemory(html, Int32(html.utf8.count), nil, "utf-8",
                                          Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)) else { return [] }
        defer { xmlFreeDoc(parsed) }
        var result: [String] = []
        func visit(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == element,
                   let content = xmlNodeGetContent(node) {
                    result.append(String(cString: content))
                    planq_xml_free(content)
                }
                visit(node.pointee.children)
                current = node.pointee.next
            }
        }
        visit(xmlDocGetRootElement(parsed))
        return result
    }
}
