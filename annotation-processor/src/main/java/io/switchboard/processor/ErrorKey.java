package io.switchboard.processor;

/** The keys of the processor's error messages; {@code docs/annotations.md} lists them all. */
enum ErrorKey {
  SwEndpointKind,
  SwEndpointAbstract,
  SwEndpointGeneric,
  SwEndpointAccess,
  SwEndpointConstructor,
  SwBadPath,
  SwDuplicatePath,
  SwBadPathTemplate,
  SwOverlappingPaths,
  SwUnknownPathParam,
  SwDuplicateCommand,
  SwBadCommandName,
  SwHandlerOutsideEndpoint,
  SwHandlerPrivate,
  SwHandlerStatic,
  SwConflictingAnnotations,
  SwTwoPayloads,
  SwBadParameter,
  SwBadReturn,
  SwUnsupportedType,
  SwBadPeriod,
  SwDuplicateLifecycle,
  SwTextWithCommands,
  SwMessageKind,
  SwNonBlockingPlacement,
  SwPathParamPlacement,
  SwBadEvent,
  SwEventPayload,
  SwProcessorFailure;

  String format(String format, Object... args) {
    return "[" + name() + "] " + String.format(format, args);
  }
}
