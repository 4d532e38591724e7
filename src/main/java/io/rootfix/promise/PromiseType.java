package io.rootfix.promise;

/** What was promised to the customer. */
public enum PromiseType {
  /** An answer to the complaint by the agreed date; made at "Agree expectation", kept by "Report back". */
  ANSWER,
  CALLBACK,
  DELIVERY,
  REFUND,
  OTHER
}
