package io.rootfix.complaint;

/** What a complaint is about; routing, default deadlines and root-cause analysis group by it. */
public enum Category implements CodedValue {
  DELIVERY, PRODUCT, BILLING, SERVICE, OTHER;

  public static final String CODES = "delivery|product|billing|service|other";

  public static Category fromCode(String code) {
    return CodedValue.fromCode(Category.class, code);
  }
}
