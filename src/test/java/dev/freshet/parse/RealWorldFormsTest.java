package dev.freshet.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.freshet.ast.Expr;
import dev.freshet.ast.FunctionDecl;
import dev.freshet.ast.Script;
import dev.freshet.ast.Stmt;
import dev.freshet.ast.TaskParam;
import dev.freshet.source.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Forms pasted from Zoho CRM and Creator parse, and into the AST one would expect. */
class RealWorldFormsTest {

  static Script parse(String text) {
    try {
      return Parser.parseScript(new SourceFile("t.dg", text));
    } catch (SyntaxError e) {
      throw new AssertionError("should parse: " + text + "\n" + e.diagnostics().get(0).render(), e);
    }
  }

  static Stmt only(String text) {
    List<Stmt> stmts = parse(text).statements();
    assertEquals(1, stmts.size(), text);
    return stmts.get(0);
  }

  /** The value of {@code x = …;}. */
  static Expr value(String expression) {
    return assertInstanceOf(Stmt.Assign.class, only("x = " + expression + ";")).value();
  }

  static List<String> keys(List<TaskParam> params) {
    return params.stream().map(TaskParam::key).toList();
  }

  @Test
  void byteOrderMarkAtStart() {
    assertInstanceOf(Stmt.Info.class, only("\uFEFFinfo \"bom\";"));
  }

  @Test
  void functionHeadersWithCategoryPrefixes() {
    FunctionDecl auto = parse("void automation.updateLead(Int leadId) { }").functions().get(0);
    assertEquals("automation.updateLead", auto.qualifiedName());
    assertEquals("updateLead", auto.name());
    assertEquals(List.of(new FunctionDecl.Parameter("Int", "leadId", auto.params().get(0).span())), auto.params());

    FunctionDecl button = parse("string button.send(String id) { return id; }").functions().get(0);
    assertEquals("send", button.name());
    assertEquals("string", button.returnType());
    assertInstanceOf(Stmt.Return.class, button.body().get(0));
  }

  @Test
  void invokeUrlWithEveryKeyAndComments() {
    Expr e = value("""
        invokeUrl [
          // where to
          url: "https://x"
          type: POST /* the verb */
          headers: h
          content-type: "application/json"
          parameters: p.toString()  // a text body
          connection: "crm"
          detailed: true
          /* and how to answer */ response-format: "RAW"
        ]""");
    Expr.InvokeUrl call = assertInstanceOf(Expr.InvokeUrl.class, e);
    assertEquals(List.of("url", "type", "headers", "content-type", "parameters", "connection", "detailed",
        "response-format"), keys(call.params()));
    assertInstanceOf(Expr.MethodCall.class, call.params().get(4).value());
  }

  @Test
  void sendmailWithTwoWordKeysAndNoSemicolon() {
    Stmt.SendMail mail = assertInstanceOf(Stmt.SendMail.class, only("""
        sendmail [ from: zoho.adminuserid to: "a@b.c" reply to: "x@y.z" content type: "html"
          subject: "s" message: "m" ]"""));
    assertEquals(List.of("from", "to", "reply to", "content type", "subject", "message"), keys(mail.params()));
    assertEquals(new Expr.QualifiedName("zoho.adminuserid", mail.params().get(0).value().span()),
        mail.params().get(0).value());
  }

  @Test
  void creatorForms() {
    Expr.FormInsert insert = assertInstanceOf(Expr.FormInsert.class,
        assertInstanceOf(Stmt.ExprStmt.class, only("insert into Orders [ Name = \"x\" Qty = 2 ];")).expr());
    assertEquals("Orders", insert.form());
    assertEquals(List.of("Name", "Qty"), keys(insert.fields()));

    Expr.FormFetch fetch = assertInstanceOf(Expr.FormFetch.class, value("Orders[ID == 5]"));
    assertEquals("Orders", fetch.form());
    assertInstanceOf(Expr.Binary.class, fetch.criteria());

    Stmt.ForEach loop = assertInstanceOf(Stmt.ForEach.class, only("for each r in Orders[Status == \"Open\"] { }"));
    assertInstanceOf(Expr.FormFetch.class, loop.iterable());

    assertEquals("cancel submit", assertInstanceOf(Stmt.CreatorOnly.class, only("cancel submit;")).construct());
    assertEquals("alert", assertInstanceOf(Stmt.CreatorOnly.class, only("alert \"x\";")).construct());
    Stmt.CreatorOnly delete = assertInstanceOf(Stmt.CreatorOnly.class, only("delete from Orders[ID == 1];"));
    assertEquals("delete from", delete.construct());
    assertEquals("Orders", assertInstanceOf(Expr.FormFetch.class, delete.parts().get(0)).form());

    assertEquals("Name", assertInstanceOf(Expr.InputField.class, value("input.Name")).field());
  }

  @Test
  void zohoCallsKeepTheirNameAndLowerTheRoot() {
    Expr.QualifiedCall call = assertInstanceOf(Expr.QualifiedCall.class,
        value("zoho.crm.getRecordById(\"Leads\", id)"));
    assertEquals("zoho.crm.getRecordById", call.name());
    assertEquals(2, call.args().size());
    Expr.QualifiedCall upper = assertInstanceOf(Expr.QualifiedCall.class, value("ZOHO.crm.getRecordById(\"L\", 1)"));
    assertEquals("zoho.crm.getRecordById", upper.name(), "the namespace root is case-insensitive");
    assertEquals("zoho.currenttime", assertInstanceOf(Expr.QualifiedName.class, value("zoho.currenttime")).name());
  }

  @Test
  void builtInConstructors() {
    Expr.IfNull ifNull = assertInstanceOf(Expr.IfNull.class, value("ifNull(a, b)"));
    assertEquals("a", assertInstanceOf(Expr.Name.class, ifNull.value()).name());
    assertEquals(List.of(), assertInstanceOf(Expr.MapLiteral.class, value("Map()")).entries());
    assertEquals(List.of(), assertInstanceOf(Expr.MapLiteral.class, value("map()")).entries());
    assertEquals("String", assertInstanceOf(Expr.TypedList.class, value("List:String()")).elementType());
    assertEquals(1, assertInstanceOf(Expr.MapLiteral.class, value("Collection(\"a\" : 1)")).entries().size());
    assertInstanceOf(Expr.EmptyCollection.class, value("Collection()"));
    assertEquals(2, assertInstanceOf(Expr.ListLiteral.class, value("Collection(1, 2)")).items().size());
    assertInstanceOf(Expr.EmptyCollection.class, value("{}"));
    assertEquals(Long.MAX_VALUE, assertInstanceOf(Expr.Literal.class, value("9223372036854775807")).value());
  }

  @Test
  void smallestNumberIsALiteral() {
    assertEquals(Long.MIN_VALUE, assertInstanceOf(Expr.Literal.class, value("-9223372036854775808")).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "IF (x > 1) { INFO x; } ELSE IF (x < 0) { Return; } Else { info 0; }",
      "For Each x In l { INFO x; }",
      "FOR EACH INDEX i IN l { BREAK; }",
      "Try { THROW \"x\"; } Catch (e) { info e.message; }",
      "x = TRUE && False || NULL == null;",
      "x = ZOHO.CurrentTime;",
  })
  void keywordsAreCaseInsensitive(String text) {
    parse(text);
  }

  @Test
  void commentsEverywhere() {
    Stmt.Assign sum = assertInstanceOf(Stmt.Assign.class, only("x = 1 + /* c */ 2 // tail\n;"));
    assertInstanceOf(Expr.Binary.class, sum.value());

    Stmt.If chain = assertInstanceOf(Stmt.If.class,
        only("if (a) { } /* c */ else // d\n if (b) { } // e\n else /* f */ { }"));
    assertEquals(2, chain.branches().size());
    assertEquals(List.of(), chain.otherwise());

    Expr.MapLiteral map = assertInstanceOf(Expr.MapLiteral.class,
        value("{ /* k */ \"a\" /* c */ : // x\n 1, // y\n \"b\": 2 /* z */ }"));
    assertEquals(2, map.entries().size());

    assertEquals(List.of(), parse("// only\n/* comments */\n").statements());
  }

  @Test
  void textLiterals() {
    assertEquals("line1\nline2", assertInstanceOf(Expr.Literal.class, value("\"line1\nline2\"")).value());
    Expr.Literal quoted = assertInstanceOf(Expr.Literal.class, value("'single'"));
    assertEquals(Expr.LiteralKind.QUOTED, quoted.kind());
    assertEquals("single", quoted.value());
    assertEquals(Expr.LiteralKind.QUOTED, assertInstanceOf(Expr.Literal.class, value("'01-Jan-2024'")).kind());
    assertEquals("a\"b", assertInstanceOf(Expr.Literal.class, value("\"a\\\"b\"")).value());
  }

  @Test
  void bareInfoHasNoValue() {
    assertNull(assertInstanceOf(Stmt.Info.class, only("info;")).value());
  }

  @Test
  void aFileMayHoldOnlyFunctions() {
    Script s = parse("void a() { }\nstring b(String s) { return s; }\n");
    assertEquals(2, s.functions().size());
    assertTrue(s.statements().isEmpty());
  }
}
