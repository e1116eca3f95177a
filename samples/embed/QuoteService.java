import dev.freshet.api.Engine;
import dev.freshet.api.Result;
import dev.freshet.api.RunException;
import dev.freshet.api.Script;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A host program that prices orders with a Deluge script: the script is compiled once, run for every order (also from
 * many threads at once), calls a function the host supplies, and its info lines are captured per order.
 *
 * <p>Run it from the repository root after building the jar:
 * {@code java -cp target/freshet.jar samples/embed/QuoteService.java}
 */
public class QuoteService {
  /** The pricing rules, as a business user would write them in Zoho. */
  static final String PRICING = """
      // 'order' comes from the host; exchangeRate() is a function the host provides.
      subtotal = 0;
      for each line in order.get("lines") {
        subtotal = subtotal + line.get("qty") * line.get("price");
      }
      discount = 0;
      if (subtotal > 1000) {
        discount = subtotal * 0.1;
        info "volume discount for " + order.get("customer") + ": " + discount;
      }
      total = ((subtotal - discount) * exchangeRate("USD", order.get("currency"))).round(2);
      info order.get("customer") + " pays " + total + " " + order.get("currency");
      return {"customer": order.get("customer"), "total": total};
      """;

  static final Map<String, BigDecimal> USD_RATES = Map.of("USD", BigDecimal.ONE, "EUR", new BigDecimal("0.92"),
      "INR", new BigDecimal("83.1"));

  public static void main(String[] args) throws Exception {
    Engine engine = Engine.builder()
        .function("exchangeRate", List.of("from", "to"), "Units of currency 'to' for one unit of 'from'",
            arguments -> rate((String) arguments.get(0), (String) arguments.get(1)))
        .allowedHosts() // pricing needs no network: any invokeurl would fail before sending anything
        .build();
    Script pricing = engine.compile("pricing.dg", PRICING); // parsed and checked once
    System.out.println("the script reads: " + pricing.freeVariables());

    List<Map<String, Object>> orders = List.of(
        order("Ada", "USD", line(2, "19.99"), line(1, "5")),
        order("Grace", "EUR", line(10, "120"), line(3, "45.5")),
        order("Linus", "INR", line(1, "12.5")));
    for (Map<String, Object> order : orders) {
      List<String> info = new ArrayList<>();
      Result result = pricing.run(Map.of("order", order), info::add); // this order's info lines only
      info.forEach(line -> System.out.println("  info: " + line));
      System.out.println("  result: " + result.asJava());
    }

    // The same compiled script from many threads: 1000 orders priced in parallel.
    BigDecimal sum = IntStream.range(0, 1000).parallel()
        .mapToObj(i -> pricing.run(Map.of("order", order("c" + i, "USD", line(i % 7 + 1, "2.5"))), line -> {}))
        .map(r -> (BigDecimal) ((Map<?, ?>) r.asJava()).get("total"))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    System.out.println("priced 1000 orders in parallel: " + sum + " USD");

    try {
      pricing.run(Map.of("order", order("Zed", "GBP", line(1, "1"))), line -> {});
    } catch (RunException e) {
      System.out.print(e.render()); // file:line:col, the line, a caret: no Java stack trace
    }
  }

  static BigDecimal rate(String from, String to) {
    BigDecimal f = USD_RATES.get(from);
    BigDecimal t = USD_RATES.get(to);
    if (f == null || t == null) {
      throw new IllegalArgumentException("no exchange rate from " + from + " to " + to);
    }
    return t.divide(f);
  }

  static Map<String, Object> order(String customer, String currency, Map<?, ?>... lines) {
    return Map.of("customer", customer, "currency", currency, "lines", List.of(lines));
  }

  static Map<String, Object> line(int qty, String price) {
    return Map.of("qty", qty, "price", new BigDecimal(price));
  }
}
