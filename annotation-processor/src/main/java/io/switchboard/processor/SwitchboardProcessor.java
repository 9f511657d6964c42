package io.switchboard.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Generates, for each {@code @WsEndpoint} class, its {@code <Endpoint>_Dispatcher}; for each type
 * a handler takes or returns (and each {@code @WsMessage} type), its {@code <Type>_JsonCodec}; for
 * each package with codecs, a {@code Switchboard_Codecs} provider; and the {@code
 * META-INF/services} files that let the runtime find them all without reflection.
 *
 * <p>The work is validate ({@link EndpointValidator}, {@link CodecResolver}) → model ({@link
 * EndpointModel}, {@link CodecModel}) → generate ({@link DispatcherWriter}, {@link CodecWriter},
 * {@link CodecProviderWriter}), written out by {@link GeneratedFiles}. Types are visited in name
 * order so the output is deterministic.
 */
@AutoService(Processor.class)
public final class SwitchboardProcessor extends AbstractProcessor {

  private ErrorReporter errors;
  private GeneratedFiles files;
  /** Every type compiled here, by qualified name: their codecs are generated, never looked up. */
  private final Set<String> sourceTypes = new HashSet<>();
  private final Set<String> generatedCodecs = new HashSet<>();
  private final Map<String, String> pathOwners = new HashMap<>();
  /** Generated codecs not yet listed in a provider, by package. */
  private final Map<String, List<CodecModel>> unlistedCodecs = new TreeMap<>();
  private final Set<String> dispatchers = new TreeSet<>();
  private final Set<String> providers = new TreeSet<>();
  /** Endpoints whose handlers mention types not generated yet, retried in the next round. */
  private final Set<String> deferredEndpoints = new TreeSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(Names.WS_ENDPOINT, Names.WS_COMMAND, Names.ON_OPEN, Names.ON_CLOSE, Names.ON_ERROR,
        Names.ON_BINARY, Names.ON_TEXT, Names.EVERY, Names.NON_BLOCKING, Names.WS_MESSAGE);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (errors == null) {
      errors = new ErrorReporter(processingEnv.getMessager());
      files = new GeneratedFiles(processingEnv);
    }
    if (round.processingOver()) {
      // After an error javac skips to this last round, and the build fails anyway: writing the
      // providers now would only add a warning about a source created in the last round.
      if (!round.errorRaised()) {
        writeProviders(); // normally done in an earlier round; here only if that never came
        files.writeServiceFiles(dispatchers, providers);
      }
      return false;
    }
    for (Element root : round.getRootElements()) {
      collectTypes(root);
    }
    CodecResolver codecs = new CodecResolver(processingEnv, sourceTypes, generatedCodecs);
    EndpointValidator validator = new EndpointValidator(processingEnv, errors, codecs, pathOwners);
    MessageValidator messages = new MessageValidator(errors, codecs);
    boolean wrote = false;

    new PlacementValidator(processingEnv, errors).check(round);
    for (TypeElement endpoint : endpoints(round)) {
      if (TypeChecks.mentionsUnresolvedTypes(endpoint)) {
        // If the type never comes, javac reports it; the dispatcher would not compile anyway.
        deferredEndpoints.add(endpoint.getQualifiedName().toString());
        continue;
      }
      wrote |= guarded(endpoint, () -> writeDispatcher(endpoint, validator));
    }
    for (TypeElement message : sorted(round.getElementsAnnotatedWith(
        processingEnv.getElementUtils().getTypeElement(Names.WS_MESSAGE)))) {
      guarded(message, () -> {
        messages.check(message);
        return false; // its codec is written with the others
      });
    }
    for (Map.Entry<String, CodecModel> entry : codecs.models().entrySet()) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(entry.getKey());
      wrote |= guarded(type, () -> writeCodec(entry.getKey(), entry.getValue(), type));
    }
    if (!wrote) {
      // The codecs of earlier rounds are all known once a round generates none.
      writeProviders();
    }
    return false;
  }

  /** This round's endpoints and those deferred from earlier rounds, in name order. */
  private List<TypeElement> endpoints(RoundEnvironment round) {
    Set<TypeElement> endpoints = new HashSet<>(ElementFilter.typesIn(round.getElementsAnnotatedWith(
        processingEnv.getElementUtils().getTypeElement(Names.WS_ENDPOINT))));
    for (String name : deferredEndpoints) {
      TypeElement deferred = processingEnv.getElementUtils().getTypeElement(name);
      if (deferred != null) {
        endpoints.add(deferred);
      }
    }
    deferredEndpoints.clear();
    return sorted(endpoints);
  }

  private void collectTypes(Element element) {
    if (element instanceof TypeElement type) {
      sourceTypes.add(type.getQualifiedName().toString());
      for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
        collectTypes(nested);
      }
    }
  }

  private boolean writeDispatcher(TypeElement endpoint, EndpointValidator validator) {
    Optional<EndpointModel> model = validator.validate(endpoint);
    if (model.isEmpty()) {
      return false;
    }
    ClassName dispatcher = model.get().dispatcher();
    TypeElement[] origins = TypeChecks.classAndSuperclasses(endpoint).toArray(TypeElement[]::new);
    if (!files.writeSource(dispatcher, DispatcherWriter.write(model.get()), origins)) {
      return false;
    }
    dispatchers.add(dispatcher.canonicalName());
    return true;
  }

  private boolean writeCodec(String typeName, CodecModel model, TypeElement type) {
    if (!files.writeSource(model.codec(), CodecWriter.write(model), type)) {
      return false;
    }
    generatedCodecs.add(typeName);
    unlistedCodecs.computeIfAbsent(model.type().packageName(), p -> new ArrayList<>()).add(model);
    return true;
  }

  private void writeProviders() {
    for (Map.Entry<String, List<CodecModel>> entry : unlistedCodecs.entrySet()) {
      ClassName provider = providerName(entry.getKey());
      List<CodecModel> codecs = new ArrayList<>(entry.getValue());
      codecs.sort(Comparator.comparing(c -> c.type().canonicalName()));
      TypeElement[] origins = codecs.stream()
          .map(c -> processingEnv.getElementUtils().getTypeElement(c.type().canonicalName()))
          .toArray(TypeElement[]::new);
      if (files.writeSource(provider, CodecProviderWriter.write(provider, codecs), origins)) {
        providers.add(provider.canonicalName());
      }
    }
    unlistedCodecs.clear();
  }

  /**
   * {@code Switchboard_Codecs}, unless that name is taken: by a provider this compilation already
   * wrote (for codecs that turned up in a later round), or by one of another module on the class
   * path, typically the main code's when tests declare messages in the same package. Then {@code
   * Switchboard_Codecs2}, and so on. A provider left in this compilation's own output directory by
   * an earlier build is overwritten, not avoided.
   */
  private ClassName providerName(String pkg) {
    for (int i = 1; ; i++) {
      ClassName name = ClassName.get(pkg, i == 1 ? "Switchboard_Codecs" : "Switchboard_Codecs" + i);
      boolean taken = providers.contains(name.canonicalName())
          || (processingEnv.getElementUtils().getTypeElement(name.canonicalName()) != null && !files.isOwnOutput(name));
      if (!taken) {
        return name;
      }
    }
  }

  /**
   * Runs one type's work, which returns whether it wrote a source; a bug here becomes an error on
   * that type, never a compiler crash.
   */
  private boolean guarded(TypeElement type, BooleanSupplier work) {
    try {
      return work.getAsBoolean();
    } catch (RuntimeException e) {
      errors.error(ErrorKey.SwProcessorFailure, type, "the Switchboard processor failed on %s: %s (please report this)",
          type == null ? "a type" : type.getSimpleName(), e);
      return false;
    }
  }


  private static List<TypeElement> sorted(Set<? extends Element> elements) {
    List<TypeElement> types = new ArrayList<>(ElementFilter.typesIn(elements));
    types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    return types;
  }
}
