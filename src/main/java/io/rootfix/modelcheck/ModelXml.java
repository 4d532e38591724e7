package io.rootfix.modelcheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A BPMN or DMN file as a small tree of elements, each with its line and column, so that a refusal points at
 * the place in the file. Names are local names: the engine reads its extensions in the {@code camunda} and the
 * older {@code activiti} namespace alike, so the check must not depend on the prefix. A DOCTYPE is refused
 * (no entities from outside the file).
 */
final class ModelXml {

  /** One element: local name, attributes by local name, its own text, position, parent and children. */
  static final class Element {
    final String name;
    /** Name-value pairs; one name may come twice (camunda:class and activiti:class), each is checked. */
    final List<Map.Entry<String, String>> attributes = new ArrayList<>();
    final StringBuilder text = new StringBuilder();
    final int line;
    final int column;
    final Element parent;
    final List<Element> children = new ArrayList<>();

    Element(String name, int line, int column, Element parent) {
      this.name = name;
      this.line = line;
      this.column = column;
      this.parent = parent;
    }

    /** The id of this element or of the nearest enclosing one that has an id: what a refusal names. */
    String nearestId() {
      for (Element e = this; e != null; e = e.parent) {
        if (e.attribute("id") != null) {
          return e.attribute("id");
        }
      }
      return null;
    }

    String attribute(String localName) {
      return attributes.stream().filter(a -> a.getKey().equals(localName)).map(Map.Entry::getValue)
          .findFirst().orElse(null);
    }

    /** "Task_PayRefund (Pay the refund)", or the element's kind when nothing encloses it with an id. */
    String describe() {
      for (Element e = this; e != null; e = e.parent) {
        String id = e.attribute("id");
        if (id != null) {
          String label = e.attribute("name");
          return label == null || label.isBlank() ? id : id + " (" + label + ")";
        }
      }
      return name;
    }

    boolean within(String ancestor) {
      for (Element e = parent; e != null; e = e.parent) {
        if (e.name.equals(ancestor)) {
          return true;
        }
      }
      return false;
    }
  }

  static Element parse(byte[] bytes) throws IOException {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      Handler handler = new Handler();
      factory.newSAXParser().parse(new ByteArrayInputStream(bytes), handler);
      return handler.root;
    } catch (SAXException e) {
      throw new IOException("not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Handler extends DefaultHandler {
    private Locator locator;
    private Element root;
    private Element current;

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      Element element = new Element(localName, locator.getLineNumber(), locator.getColumnNumber(), current);
      for (int i = 0; i < attributes.getLength(); i++) {
        element.attributes.add(Map.entry(attributes.getLocalName(i), attributes.getValue(i)));
      }
      if (current == null) {
        root = element;
      } else {
        current.children.add(element);
      }
      current = element;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      current.text.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      current = current.parent;
    }
  }

  private ModelXml() {}
}
