package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.MAP;
import static dev.freshet.builtins.ParamType.TEXT;

import dev.freshet.runtime.DelugeCollection;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * XML helpers over the JDK's parser and XPath (DELUGE-FACTS 5.1, 5.7): executeXPath, toXmlList and toXML.
 * executeXPath also reads a JSON object, as {@code <root>} XML (see {@link XmlJson}). It returns the selected nodes
 * as XML text: elements as written, an attribute as {@code <name>value</name>} (Zoho's example chains
 * {@code executeXPath("/a/@href").executeXPath("/href/text()")}), a text node as its text. DOCTYPEs are refused and
 * external entities never load. Parsing is not namespace-aware, so {@code /root/item} matches in any namespace.
 */
final class XmlLib implements Library {
  private static final String WRAPPER = "freshet-xml-list";

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("executeXPath", "The nodes an XPath expression selects in XML text (or a JSON object under /root), as "
        + "XML text; a string or number expression as its value").param("xml", TEXT).param("xpath", TEXT)
        .returns("TEXT").impl((env, a) -> executeXPath(text(a, 0), text(a, 1)));
    r.fn("toXmlList", "The top-level elements of XML text (for example executeXPath's result) as a list of XML "
        + "texts").param("xml", TEXT).returns("LIST").impl((env, a) -> toXmlList(text(a, 0)));
    r.fn("toXml", "JSON object text as XML under a <root> element (a list repeats its key's element)")
        .param("json", TEXT).returns("TEXT")
        .impl((env, a) -> XmlJson.toXml("toXml", XmlJson.parseObject("toXml", text(a, 0)), false));
    r.fn("toXml", "A map as XML under a <root> element (a list repeats its key's element)").param("map", MAP)
        .returns("TEXT").impl((env, a) -> XmlJson.toXml("toXml", (DelugeCollection) a[0], false));
  }

  static String executeXPath(String source, String expression) {
    String xml = source.trim().startsWith("{")
        ? XmlJson.toXml("executeXPath", XmlJson.parseObject("executeXPath", source), true) : source;
    Document doc = parse("executeXPath", xml);
    XPath xpath = XPathFactory.newInstance().newXPath();
    try {
      NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < nodes.getLength(); i++) {
        out.append(nodeText(nodes.item(i)));
      }
      return out.toString();
    } catch (XPathExpressionException notNodes) {
      try {
        return xpath.evaluate(expression, doc);
      } catch (XPathExpressionException e) {
        throw error("executeXPath", "invalid XPath expression \"" + expression + "\"");
      }
    }
  }

  static DelugeCollection toXmlList(String xml) {
    List<Object> items = new ArrayList<>();
    String body = xml.trim().replaceFirst("^<\\?xml[^>]*\\?>", "");
    if (!body.isBlank()) {
      String wrapped = "<" + WRAPPER + ">" + body + "</" + WRAPPER + ">";
      Node root = parse("toXmlList", wrapped, WRAPPER.length() + 2).getDocumentElement();
      for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n.getNodeType() == Node.ELEMENT_NODE) {
          items.add(nodeText(n));
        } else if (n.getNodeType() == Node.TEXT_NODE && !n.getNodeValue().isBlank()) {
          items.add(n.getNodeValue().trim());
        }
      }
    }
    return Args.listOf(items);
  }

  /** An element as its XML, an attribute as {@code <name>value</name>}, any other node as its text. */
  private static String nodeText(Node n) {
    if (n.getNodeType() == Node.ATTRIBUTE_NODE) {
      return "<" + n.getNodeName() + ">" + XmlJson.escape(n.getNodeValue()) + "</" + n.getNodeName() + ">";
    }
    if (n.getNodeType() != Node.ELEMENT_NODE && n.getNodeType() != Node.DOCUMENT_NODE) {
      return n.getNodeValue() == null ? n.getTextContent() : n.getNodeValue();
    }
    try {
      Transformer t = transformers().newTransformer();
      t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      t.transform(new DOMSource(n), new StreamResult(out));
      return out.toString();
    } catch (TransformerException e) {
      throw error("executeXPath", "cannot write the selected XML");
    }
  }

  private static TransformerFactory transformers() {
    TransformerFactory f = TransformerFactory.newInstance();
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return f;
  }

  static Document parse(String fn, String xml) {
    return parse(fn, xml, 0);
  }

  /**
   * Parses XML text with DOCTYPEs, external entities and XInclude disabled; {@code shift} characters were added in
   * front of the script's first line, so error columns on that line are moved back by as much.
   */
  static Document parse(String fn, String xml, int shift) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw error(fn, notWellFormed(e, shift));
    } catch (ParserConfigurationException | java.io.IOException e) {
      throw error(fn, "cannot read the XML");
    }
  }

  /** The parser's reason, with its position; a DOCTYPE gets a plain sentence instead of the parser's feature URL. */
  private static String notWellFormed(SAXException e, int shift) {
    String why = e.getMessage() == null ? "" : e.getMessage();
    if (why.contains("DOCTYPE")) {
      return "XML with a DOCTYPE declaration is not supported";
    }
    String where = e instanceof SAXParseException p && p.getLineNumber() > 0
        ? " (line " + p.getLineNumber() + ", column "
            + (p.getLineNumber() == 1 ? Math.max(1, p.getColumnNumber() - shift) : p.getColumnNumber()) + ")" : "";
    return "the text is not well-formed XML" + where + ": " + why;
  }
}
