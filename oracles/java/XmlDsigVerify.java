// Verifies every XMLDSig Signature in each packet with the JDK's own verifier (javax.xml.crypto.dsig,
// secure validation on), the key taken from the leaf certificate of KeyInfo/X509Data. Shares no
// code with truc.
//
// Usage: java -cp DIR XmlDsigVerify < paths   (one packet path per line)
// Prints one JSON object per line: {"file":…,"signatures":N,"valid":[true|false…],"error":…}.
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

public final class XmlDsigVerify {
  /** The certificate in X509Data that issued none of the others: the signer's. */
  private static final KeySelector LEAF_CERTIFICATE = new KeySelector() {
    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context) {
      List<X509Certificate> certs = new ArrayList<>();
      if (keyInfo != null) {
        for (Object item : keyInfo.getContent()) {
          if (!(item instanceof X509Data)) continue;
          for (Object c : ((X509Data) item).getContent()) if (c instanceof X509Certificate) certs.add((X509Certificate) c);
        }
      }
      for (X509Certificate c : certs) {
        boolean issuer = false;
        for (X509Certificate other : certs) {
          if (other != c && other.getIssuerX500Principal().equals(c.getSubjectX500Principal())) issuer = true;
        }
        if (!issuer) {
          final Key key = c.getPublicKey();
          return () -> key;
        }
      }
      throw new IllegalStateException("KeyInfo carries no X509Certificate");
    }
  };

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty()) continue;
      StringBuilder out = new StringBuilder("{\"file\":").append(quote(line));
      try {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new File(line));
        NodeList signatures = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        out.append(",\"signatures\":").append(signatures.getLength()).append(",\"valid\":[");
        for (int i = 0; i < signatures.getLength(); i++) {
          DOMValidateContext context = new DOMValidateContext(LEAF_CERTIFICATE, signatures.item(i));
          context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
          out.append(i == 0 ? "" : ",").append(factory.unmarshalXMLSignature(context).validate(context));
        }
        out.append(']');
      } catch (Exception e) {
        out.append(",\"error\":").append(quote(e.getClass().getName() + ": " + e.getMessage()));
      }
      System.out.println(out.append('}'));
    }
  }

  private static String quote(String v) {
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
