package io.switchboard.undertow;

import io.switchboard.spi.EndpointDispatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One endpoint as registered on the builder, resolved at start into a dispatcher and the instance
 * it calls. With no registration every dispatcher on the class path is served.
 */
final class EndpointRegistration<E> {

  private static final Logger LOG = LoggerFactory.getLogger(EndpointRegistration.class);

  /** A dispatcher and the endpoint instance it calls. */
  record Bound<E>(EndpointDispatcher<E> dispatcher, E endpoint) {}

  private final Function<ClassLoader, Bound<E>> binder;

  private EndpointRegistration(Function<ClassLoader, Bound<E>> binder) {
    this.binder = binder;
  }

  @SuppressWarnings("unchecked")
  static <E> EndpointRegistration<E> ofInstance(E endpoint) {
    Class<E> type = (Class<E>) endpoint.getClass();
    return new EndpointRegistration<>(loader -> new Bound<>(dispatcherFor(type, loader), endpoint));
  }

  static <E> EndpointRegistration<E> ofFactory(Class<E> type, Supplier<? extends E> factory) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(factory, "factory");
    return new EndpointRegistration<>(
        loader -> new Bound<>(dispatcherFor(type, loader), type.cast(factory.get())));
  }

  static <E> EndpointRegistration<E> ofDispatcher(EndpointDispatcher<E> dispatcher, E endpoint) {
    Objects.requireNonNull(dispatcher, "dispatcher");
    Objects.requireNonNull(endpoint, "endpoint");
    return new EndpointRegistration<>(loader -> new Bound<>(dispatcher, endpoint));
  }

  /** The endpoints to serve, by path; every discovered one when none was registered. */
  static List<Bound<?>> resolve(List<EndpointRegistration<?>> registrations, ClassLoader loader) {
    List<Bound<?>> bound = new ArrayList<>();
    if (registrations.isEmpty()) {
      for (EndpointDispatcher<?> dispatcher : ServiceLoader.load(EndpointDispatcher.class, loader)) {
        bound.add(withNewEndpoint(dispatcher));
      }
    } else {
      for (EndpointRegistration<?> registration : registrations) {
        bound.add(registration.binder.apply(loader));
      }
      List<EndpointDispatcher<?>> unserved = unserved(registrations, bound, loader);
      if (!unserved.isEmpty()) {
        LOG.warn(unservedWarning(unserved));
      }
    }
    Map<String, Bound<?>> byPath = new HashMap<>();
    for (Bound<?> b : bound) {
      Bound<?> previous = byPath.put(b.dispatcher().path(), b);
      if (previous != null) {
        throw new IllegalStateException(
            "two endpoints at " + b.dispatcher().path() + ": "
                + previous.dispatcher().endpointType().getName() + " and "
                + b.dispatcher().endpointType().getName());
      }
    }
    return bound;
  }

  /**
   * The compiled endpoints that explicit registrations leave out: each is a {@code @WsEndpoint}
   * class with a generated dispatcher on the class path that would answer 404. Empty when nothing
   * was registered, as then every compiled endpoint is served.
   */
  static List<EndpointDispatcher<?>> unserved(
      List<EndpointRegistration<?>> registrations, List<Bound<?>> bound, ClassLoader loader) {
    List<EndpointDispatcher<?>> unserved = new ArrayList<>();
    if (registrations.isEmpty()) {
      return unserved;
    }
    Set<Class<?>> served = new HashSet<>();
    bound.forEach(b -> served.add(b.dispatcher().endpointType()));
    for (EndpointDispatcher<?> dispatcher : ServiceLoader.load(EndpointDispatcher.class, loader)) {
      if (!served.contains(dispatcher.endpointType())) {
        unserved.add(dispatcher);
      }
    }
    return unserved;
  }

  /** What the start log says about {@link #unserved} endpoints, so that a 404 is no mystery. */
  static String unservedWarning(List<EndpointDispatcher<?>> unserved) {
    String list =
        unserved.stream()
            .map(d -> d.path() + " (" + d.endpointType().getName() + ")")
            .collect(Collectors.joining(", "));
    String first = unserved.get(0).endpointType().getSimpleName();
    return "not serving compiled endpoints " + list + ": only endpoints registered on the builder are served;"
        + " register them too (.endpoint(new " + first + "())), or register none to serve every compiled endpoint";
  }

  private static <E> Bound<E> withNewEndpoint(EndpointDispatcher<E> dispatcher) {
    return new Bound<>(dispatcher, dispatcher.newEndpoint());
  }

  @SuppressWarnings("unchecked")
  private static <E> EndpointDispatcher<E> dispatcherFor(Class<E> type, ClassLoader loader) {
    for (EndpointDispatcher<?> dispatcher : ServiceLoader.load(EndpointDispatcher.class, loader)) {
      if (dispatcher.endpointType() == type) {
        return (EndpointDispatcher<E>) dispatcher;
      }
    }
    throw new IllegalArgumentException(
        "no generated dispatcher for " + type.getName()
            + ": annotate it with @WsEndpoint and compile with switchboard-processor on the"
            + " annotation processor path");
  }
}
