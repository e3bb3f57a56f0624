// Reads packets the way VNPT's Java SDK does (EdXML102, BaseXmlUtils.getDocument): JAXP's
// DocumentBuilderFactory with its defaults (namespace-unaware), then JDOM2's DOMBuilder, then the
// fields a vendor system reads, found by namespace URI and local name. Shares no code with truc.
//
// Usage: java -cp jdom2.jar:DIR SdkReader < paths   (one packet path per line)
// Prints one JSON object per line: {"file":…,"ok":true,…fields} or {"file":…,"ok":false,"error":…}.
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.DOMBuilder;

public final class SdkReader {
  private static final Namespace NS = Namespace.getNamespace("http://www.mic.gov.vn/TBT/QCVN_102_2016");

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty()) continue;
      out.setLength(0);
      out.append("{\"file\":").append(str(line));
      try {
        org.w3c.dom.Document dom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(line));
        StringBuilder fields = new StringBuilder();
        read(new DOMBuilder().build(dom), fields);
        out.append(fields).append(",\"ok\":true");
      } catch (Exception e) {
        out.append(",\"ok\":false,\"error\":").append(str(e.getClass().getName() + ": " + e.getMessage()));
      }
      System.out.println(out.append('}'));
    }
  }

  private static Element child(Element parent, String name) {
    return parent == null ? null : parent.getChild(name, NS);
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getText();
  }

  private static void read(Document doc, StringBuilder out) throws Exception {
    Element root = doc.getRootElement();
    if (!"edXML".equals(root.getName()) || !NS.equals(root.getNamespace())) throw new IllegalStateException("root is not edXML in the QCVN namespace");
    Element header = child(child(root, "edXMLEnvelope"), "edXMLHeader");
    Element mh = child(header, "MessageHeader");
    if (mh == null) throw new IllegalStateException("no edXMLEnvelope/edXMLHeader/MessageHeader");
    out.append(",\"from\":").append(str(text(child(mh, "From"), "OrganId")));
    List<String> to = new ArrayList<>();
    for (Element e : mh.getChildren("To", NS)) to.add(text(e, "OrganId"));
    out.append(",\"to\":").append(strs(to));
    Element code = child(mh, "Code");
    out.append(",\"codeNumber\":").append(str(text(code, "CodeNumber")));
    out.append(",\"codeNotation\":").append(str(text(code, "CodeNotation")));
    out.append(",\"documentId\":").append(str(text(mh, "DocumentId")));
    out.append(",\"subject\":").append(str(text(mh, "Subject")));
    out.append(",\"statusCode\":").append(str(text(mh, "StatusCode")));
    Element rf = child(mh, "ResponseFor");
    out.append(",\"responseFor\":");
    if (rf == null) out.append("null");
    else out.append("{\"organId\":").append(str(text(rf, "OrganId"))).append(",\"documentId\":").append(str(text(rf, "DocumentId"))).append('}');
    Element business = child(child(header, "TraceHeaderList"), "Bussiness");
    out.append(",\"bussinessDocType\":").append(str(text(business, "BussinessDocType")));
    out.append(",\"attachments\":[");
    Element encoded = child(root, "AttachmentEncoded");
    boolean first = true;
    if (encoded != null) {
      for (Element a : encoded.getChildren("Attachment", NS)) {
        if (!first) out.append(',');
        first = false;
        // The SDK decodes with a MIME decoder: line breaks inside the base64 are allowed.
        String body = text(a, "ContentTransferEncoded");
        byte[] bytes = Base64.getMimeDecoder().decode(body == null ? "" : body);
        out.append("{\"contentId\":").append(str(text(a, "ContentId")))
            .append(",\"name\":").append(str(text(a, "AttachmentName")))
            .append(",\"size\":").append(bytes.length)
            .append(",\"sha256\":").append(str(hex(MessageDigest.getInstance("SHA-256").digest(bytes)))).append('}');
      }
    }
    out.append(']');
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) s.append(String.format("%02x", x));
    return s.toString();
  }

  private static String strs(List<String> values) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) s.append(i == 0 ? "" : ",").append(str(values.get(i)));
    return s.append(']').toString();
  }

  private static String str(String v) {
    if (v == null) return "null";
    StringBuilder s = new StringBuilder("\"");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      if (c == '"' || c == '\\') s.append('\\').append(c);
      else if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
      else s.append(c);
    }
    return s.append('"').toString();
  }
}
