import CLibXML2

/// An element of an `HTMLDocument`; only this file sees the libxml2 node behind it.
public struct HTMLElement {
    fileprivate let node: xmlNodePtr
}

/// The only user of libxml2: builds an HTML document as a tree and serializes it, so text is
/// always escaped by the library, never by hand. Tests parse reports back with `texts(of:in:)`.
public final class HTMLDocument {
    private let document: xmlDocPtr
    public let head: HTMLElement
    public let body: HTMLElement

    public init(title: String, language: String = "en") {
        document = htmlNewDocNoDtD(nil, nil)
        let root = xmlNewNode(nil, "html")!
        xmlNewProp(root, "lang", language)
        xmlDocSetRootElement(document, root)
        let head = xmlNewChild(root, nil, "head", nil)!
        xmlNewProp(xmlNewChild(head, nil, "meta", nil), "charset", "utf-8")
        let viewport = xmlNewChild(head, nil, "meta", nil)
        xmlNewProp(viewport, "name", "viewport")
        xmlNewProp(viewport, "content", "width=device-width, initial-scale=1")
        xmlNewTextChild(head, nil, "title", title)
        self.head = HTMLElement(node: head)
        self.body = HTMLElement(node: xmlNewChild(root, nil, "body", nil)!)
    }

    deinit { xmlFreeDoc(document) }

    /// Appends `<name attributes>text</name>` to `parent`; the text is escaped by libxml2.
    @discardableResult
    public func add(_ name: String, to parent: HTMLElement, text: String? = nil, _ attributes: [(String, String)] = []) -> HTMLElement {
        let node = xmlNewTextChild(parent.node, nil, name, text)!
        for (key, value) in attributes { xmlNewProp(node, key, value) }
        return HTMLElement(node: node)
    }

    /// Appends text to an element's content.
    public func addText(_ text: String, to parent: HTMLElement) {
        xmlAddChild(parent.node, xmlNewText(text))
    }

    /// The serialized document, with an HTML5 doctype.
    public func serialize() -> String {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        htmlDocDumpMemoryFormat(document, &buffer, &size, 1)
        defer { planq_xml_free(buffer) }
        guard let buffer else { return "" }
        return "<!DOCTYPE html>\n" + String(cString: buffer)
    }

    /// The text content of every element named `element` in serialized HTML.
    public static func texts(of element: String, in html: String) -> [String] {
        elements(named: element, in: html).map(\.text)
    }

    /// The body rows of every table whose id starts with `prefix`, each as its cells' texts.
    public static func tableRows(idPrefix prefix: String, in html: String) -> [[String]] {
        guard let parsed = htmlReadMemory(html, Int32(html.utf8.count), nil, "utf-8",
                                          Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)) else { return [] }
        defer { xmlFreeDoc(parsed) }
        func name(_ node: xmlNodePtr) -> String { String(cString: node.pointee.name) }
        func children(_ node: xmlNodePtr, named wanted: String) -> [xmlNodePtr] {
            var result: [xmlNodePtr] = []
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE, name(current) == wanted { result.append(current) }
                child = current.pointee.next
            }
            return result
        }
        func text(_ node: xmlNodePtr) -> String {
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { planq_xml_free(content) }
            return String(cString: content)
        }
        var rows: [[String]] = []
        func visit(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                if node.pointee.type == XML_ELEMENT_NODE, name(node) == "table",
                   let id = xmlGetProp(node, "id") {
                    let matches = String(cString: id).hasPrefix(prefix)
                    planq_xml_free(id)
                    if matches {
                        for body in children(node, named: "tbody") {
                            for row in children(body, named: "tr") { rows.append(children(row, named: "td").map(text)) }
                        }
                    }
                }
                visit(node.pointee.children)
                current = node.pointee.next
            }
        }
        visit(xmlDocGetRootElement(parsed))
        return rows
    }

    /// Elements named `element` in serialized HTML, with their attributes and text.
    public static func elements(named element: String, in html: String) -> [(attributes: [String: String], text: String)] {
        guard let parsed = htmlReadMemory(html, Int32(html.utf8.count), nil, "utf-8",
                                          Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)) else { return [] }
        defer { xmlFreeDoc(parsed) }
        var result: [(attributes: [String: String], text: String)] = []
        func visit(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == element {
                    var attributes: [String: String] = [:]
                    var attribute = node.pointee.properties
                    while let property = attribute {
                        let name = String(cString: property.pointee.name)
                        if let value = xmlGetProp(node, property.pointee.name) {
                            attributes[name] = String(cString: value)
                            planq_xml_free(value)
                        }
                        attribute = property.pointee.next
                    }
                    var text = ""
                    if let content = xmlNodeGetContent(node) {
                        text = String(cString: content)
                        planq_xml_free(content)
                    }
                    result.append((attributes, text))
                }
                visit(node.pointee.children)
                current = node.pointee.next
            }
        }
        visit(xmlDocGetRootElement(parsed))
        return result
    }
}
