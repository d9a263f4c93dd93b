/// The XMP metadata packet of bk's PDFs: title, language, creation date and producer, the
/// same values as the document information dictionary.
struct XMPMetadata {
    let title: String
    /// RFC 3339.
    let created: String
    let language: String
    /// `OverviewPDF.producer()`.
    let producer: String

    var packet: String {
        """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
           <dc:title><rdf:Alt><rdf:li xml:lang="x-default">\(Self.escaped(title))</rdf:li></rdf:Alt></dc:title>
           <dc:language><rdf:Bag><rdf:li>\(Self.escaped(language))</rdf:li></rdf:Bag></dc:language>
           <dc:format>application/pdf</dc:format>
           <xmp:CreateDate>\(Self.escaped(created))</xmp:CreateDate>
           <xmp:ModifyDate>\(Self.escaped(created))</xmp:ModifyDate>
           <xmp:CreatorTool>bk \(BlauweKnopVersion.current)</xmp:CreatorTool>
           <pdf:Producer>\(Self.escaped(producer))</pdf:Producer>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="r"?>
        """
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
