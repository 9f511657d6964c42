package io.switchboard.processor;

import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reports annotations that are in a place where they would do nothing: a handler annotation
 * outside an endpoint, {@code @NonBlocking} on anything but a message or lifecycle handler, {@code @PathParam} on a
 * method that is no handler. The endpoint checks never see these methods, so they are looked for
 * across the round.
 */
final class PlacementValidator {

  private final Elements elements;
  private final ErrorReporter errors;

  PlacementValidator(ProcessingEnvironment env, ErrorReporter errors) {
    this.elements = env.getElementUtils();
    this.errors = errors;
  }

  /** Reports the misplaced annotations of this round's elements. */
  void check(RoundEnvironment round) {
    reportHandlersOutsideEndpoints(round);
    reportMisplacedNonBlocking(round);
    reportPathParamsOutsideHandlers(round);
  }

  private void reportHandlersOutsideEndpoints(RoundEnvironment round) {
    for (HandlerRole role : HandlerRole.values()) {
      TypeElement annotationType = elements.getTypeElement(role.annotation);
      if (annotationType == null) {
        continue;
      }
      for (Element method : round.getElementsAnnotatedWith(annotationType)) {
        Element owner = method.getEnclosingElement();
        // An abstract class is a base that endpoints may extend and inherit its handlers from.
        boolean abstractBase = owner.getKind() == ElementKind.CLASS && owner.getModifiers().contains(Modifier.ABSTRACT);
        if (Annotations.annotation(owner, Names.WS_ENDPOINT) == null && !abstractBase) {
          errors.error(ErrorKey.SwHandlerOutsideEndpoint, method, Annotations.annotation(method, role.annotation), null,
              "@%s method %s() is in %s, which is neither a @WsEndpoint class nor an abstract base of one, so nothing would ever call it",
              annotationType.getSimpleName(), method.getSimpleName(), owner.getSimpleName());
        }
      }
    }
  }

  /**
   * {@code @NonBlocking} chooses the thread of a handler the runtime calls for a session; anywhere
   * else (an {@code @Every} method runs on the scheduler, a plain method is never called) it would
   * do nothing.
   */
  private void reportMisplacedNonBlocking(RoundEnvironment round) {
    TypeElement nonBlocking = elements.getTypeElement(Names.NON_BLOCKING);
    if (nonBlocking == null) {
      return;
    }
    for (Element method : round.getElementsAnnotatedWith(nonBlocking)) {
      boolean sessionHandler = false;
      for (HandlerRole role : HandlerRole.values()) {
        sessionHandler |= role != HandlerRole.EVERY && Annotations.annotation(method, role.annotation) != null;
      }
      if (!sessionHandler) {
        errors.error(ErrorKey.SwNonBlockingPlacement, method, Annotations.annotation(method, Names.NON_BLOCKING), null,
            "@NonBlocking on %s() has no effect: it chooses the thread of a @WsCommand, @OnText, @OnBinary, @OnOpen, @OnClose or @OnError method only",
            method.getSimpleName());
      }
    }
  }

  /** A path parameter reaches handlers only; on any other method nothing would pass it one. */
  private void reportPathParamsOutsideHandlers(RoundEnvironment round) {
    TypeElement pathParam = elements.getTypeElement(Names.PATH_PARAM);
    if (pathParam == null) {
      return;
    }
    for (Element parameter : round.getElementsAnnotatedWith(pathParam)) {
      Element method = parameter.getEnclosingElement();
      boolean handler = false;
      for (HandlerRole role : HandlerRole.values()) {
        handler |= Annotations.annotation(method, role.annotation) != null;
      }
      if (!handler) {
        errors.error(ErrorKey.SwPathParamPlacement, parameter, Annotations.annotation(parameter, Names.PATH_PARAM), null,
            "@PathParam %s of %s() has no effect: %s() is no handler, so nothing passes it a path parameter",
            parameter.getSimpleName(), method.getSimpleName(), method.getSimpleName());
      }
    }
  }
}
