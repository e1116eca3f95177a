package dev.freshet.zoho;

import java.util.List;

/**
 * One integration task as a table row: its script name, its parameters ({@code [name]} when optional; optional ones
 * drop from the right, ZOHO-TASKS.md §0.3), what it does, and the code that maps it to REST calls.
 */
record Task(String name, Product product, List<String> params, String returns, String doc, Body body) {
  /** The REST side of a task. */
  interface Body {
    Object run(Call call);
  }

  static Task of(String name, Product product, String params, String returns, String doc, Body body) {
    return new Task(name, product, List.of(params.split(",\\s*")), returns, doc, body);
  }

  int required() {
    return (int) params.stream().filter(p -> !p.startsWith("[")).count();
  }

  /** Whether the last parameter is the connection (it is for every task but Creator's). */
  boolean endsWithConnection() {
    return params.get(params.size() - 1).equals("[connection]");
  }
}
