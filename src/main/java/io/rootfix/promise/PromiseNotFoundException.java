package io.rootfix.promise;

import io.rootfix.web.NotFoundException;

public class PromiseNotFoundException extends NotFoundException {

  public PromiseNotFoundException(Long promiseId) {
    super("No promise with id " + promiseId);
  }
}
