package dev.freshet.check;

/** What the checker may ask about names it does not define itself: built-ins, host functions, system values. */
public interface KnownNames {
  /** A global function other than a user function: {@code len(x)}, a host's {@code sendSms(…)}. */
  boolean isFunction(String name);

  /** A method name usable as {@code x.name(…)}. */
  boolean isMethod(String name);

  /** A value such as {@code today} or {@code zoho.currenttime}. */
  boolean isSystemValue(String name);

  /**
   * Why a call of the dotted function {@code name} (an integration task such as {@code zoho.crm.getRecordById}) with
   * {@code argc} arguments cannot be right, or null when it can (or the name is not known here).
   */
  default String arityProblem(String name, int argc) {
    return null;
  }

  /** Why a function of Zoho's that this engine leaves out on purpose is missing, or null. */
  default String absent(String name) {
    return null;
  }
}
