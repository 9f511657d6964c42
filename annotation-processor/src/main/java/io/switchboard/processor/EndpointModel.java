package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything {@link DispatcherWriter} and the contract writers need to know about one endpoint class, already validated.
 *
 * @param endpoint the endpoint class
 * @param dispatcher the generated class, {@code ChatEndpoint_Dispatcher}
 * @param path the endpoint's path
 * @param subprotocols from {@code @WsEndpoint(subprotocols)}
 * @param instantiable whether it has an accessible no-argument constructor
 * @param commands the commands in declaration order
 * @param scheduled the {@code @Every} methods in declaration order
 * @param nonBlocking the lifecycle, text and binary handlers that carry {@code @NonBlocking}
 * @param pathParams the {@code @PathParam} values handlers take as other types than String, each
 *     once: what {@code checkPathParams} converts before the upgrade
 * @param events the events it declares ({@code static final Event<T>} fields), in declaration order
 * @param description the class's Javadoc, or empty
 */
record EndpointModel(
    ClassName endpoint,
    ClassName dispatcher,
    String path,
    List<String> subprotocols,
    boolean instantiable,
    List<CommandModel> commands,
    List<ScheduledModel> scheduled,
    Optional<HandlerCall> onOpen,
    Optional<HandlerCall> onClose,
    Optional<HandlerCall> onError,
    Optional<HandlerCall> onText,
    Optional<HandlerCall> onBinary,
    Set<HandlerRole> nonBlocking,
    List<HandlerCall.PathParamArgument> pathParams,
    List<EventModel> events,
    String description) {}
