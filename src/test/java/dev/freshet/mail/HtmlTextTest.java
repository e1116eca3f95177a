package dev.freshet.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void tagsMakeAMessageHtml() {
    assertTrue(HtmlText.looksLikeHtml("Hi<br/>there"));
    assertTrue(HtmlText.looksLikeHtml("<p class=\"x\">Hi</p>"));
    assertTrue(HtmlText.looksLikeHtml("see </b>"));
    assertFalse(HtmlText.looksLikeHtml("1 < 2 and 3 > 2"));
    assertFalse(HtmlText.looksLikeHtml("Ada <ada@example.com> wrote"));
    assertFalse(HtmlText.looksLikeHtml("Line 1\nLine 2"));
  }

  @Test
  void plainTextKeepsWhatAReaderSees() {
    String html = "<html><head><title>t</title><style>p{color:red}</style></head><body>\n"
        + "<p>Hi Ada,</p>\n<p>Your order\n   has <b>shipped</b>.<br>Tracking:&nbsp;42</p>"
        + "<ul><li>Book</li><li>Pen &amp; ink</li></ul><!-- note --><p>&copy; Shop &#8211; &#x2713;</p></body></html>";
    assertEquals("Hi Ada,\n\nYour order has shipped.\nTracking: 42\n\n- Book\n- Pen & ink\n\n\u00a9 Shop \u2013 \u2713",
        HtmlText.toPlain(html));
  }

  @Test
  void unknownEntitiesStay() {
    assertEquals("a &bogus; b &#99999999;", HtmlText.toPlain("a &bogus; b &#99999999;"));
  }
}
