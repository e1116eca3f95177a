package dev.freshet.builtins;

import static dev.freshet.builtins.Args.error;
import static dev.freshet.builtins.Args.text;
import static dev.freshet.builtins.ParamType.TEXT;
import static dev.freshet.builtins.ParamType.TEXTUAL;

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

/**
 * XML helpers over the JDK's parser and XPath (DELUGE-FACTS 5.1): executeXPath and toXmlList. DOCTYPEs are refused
 * and external entities never load, so a script cannot read local files or reach the network through XML. Parsing
 * is not namespace-aware, so {@code /root/item} matches whatever namespace the document declares.
 */
final class XmlLib implements Library {
  private static final String WRAPPER = "freshet-xml-list";

  @Override
  public void register(BuiltinRegistry r) {
    r.fn("executeXPath", "The nodes an XPath expression selects in XML text, as XML text (text nodes and "
        + "attributes as their values; string / number expressions as their value)").param("xml", TEXT)
        .param("xpath", TEXTUAL).returns("TEXT").impl((env, a) -> executeXPath(text(a, 0), text(a, 1)));
    r.fn("toXmlList", "The top-level elements of XML text (for example executeXPath's result) as a list of XML "
        + "texts").param("xml", TEXT).returns("LIST").impl((env, a) -> toXmlList(text(a, 0)));
  }

  static String executeXPath(String xml, String expression) {
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

  static dev.freshet.runtime.DelugeCollection toXmlList(String xml) {
    List<Object> items = new ArrayList<>();
    String body = xml.trim().replaceFirst("^<\\?xml[^>]*\\?>", "");
    if (!body.isBlank()) {
      Node root = parse("toXmlList", "<" + WRAPPER + ">" + body + "</" + WRAPPER + ">").getDocumentElement();
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

  /** An element as its XML; any other node (text, attribute) as its value. */
  private static String nodeText(Node n) {
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
      throw error("executeXPath", "cannot write the selected XML: " + e.getMessage());
    }
  }

  private static TransformerFactory transformers() {
    TransformerFactory f = TransformerFactory.newInstance();
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
    return f;
  }

  /** Parses XML text with DOCTYPEs, external entities and XInclude disabled. */
  static Document parse(String fn, String xml) {
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
      throw error(fn, "the text is not well-formed XML: " + e.getMessage());
    } catch (ParserConfigurationException | java.io.IOException e) {
      throw error(fn, "cannot read XML: " + e.getMessage());
    }
  }
}
