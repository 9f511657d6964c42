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
 * <p>This class only orchestrates: validate ({@link PlacementValidator}, {@link EndpointValidator},
 * {@link MessageValidator}, {@link CodecResolver}) → model ({@link EndpointModel}, {@link
 * CodecModel}) → write ({@link DispatcherWriter}, {@link CodecWriter}, {@link CodecProviders}),
 * through {@link GeneratedFiles}; in the last round, the contract of all the endpoints ({@link
 * AsyncApiWriter}, {@link TypeScriptWriter}). Types are visited in name order so the output is deterministic.
 */
@AutoService(Processor.class)
public final class SwitchboardProcessor extends AbstractProcessor {

  private ErrorReporter errors;
  private GeneratedFiles files;
  /** Every type compiled here, by qualified name: their codecs are generated, never looked up. */
  private final Set<String> sourceTypes = new HashSet<>();
  private final Set<String> generatedCodecs = new HashSet<>();
  private final Map<String, String> pathOwners = new HashMap<>();
  private CodecProviders providers;
  private final Set<String> dispatchers = new TreeSet<>();
  /** Endpoints whose handlers mention types not generated yet, retried in the next round. */
  private final Set<String> deferredEndpoints = new TreeSet<>();
  /** What the contract describes, gathered over all rounds and written in the last. */
  private final Map<String, EndpointModel> contractEndpoints = new TreeMap<>();
  private final Map<ClassName, CodecModel> contractTypes = new HashMap<>();
  private final Map<ClassName, String> typeDescriptions = new HashMap<>();

  /** Processor options that name the contract's documents: {@code -Aswitchboard.api.title=Chat}. */
  static final String TITLE_OPTION = "switchboard.api.title";
  static final String VERSION_OPTION = "switchboard.api.version";

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(TITLE_OPTION, VERSION_OPTION);
  }

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
      providers = new CodecProviders(processingEnv.getElementUtils(), files);
    }
    if (round.processingOver()) {
      // After an error javac skips to this last round, and the build fails anyway: writing the
      // providers now would only add a warning about a source created in the last round.
      if (!round.errorRaised()) {
        providers.writeUnlisted(); // normally done in an earlier round; here only if that never came
        files.writeServiceFiles(dispatchers, providers.written());
        writeContract();
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
      providers.writeUnlisted();
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
    contractEndpoints.put(model.get().path(), model.get());
    return true;
  }

  private boolean writeCodec(String typeName, CodecModel model, TypeElement type) {
    if (!files.writeSource(model.codec(), CodecWriter.write(model), type)) {
      return false;
    }
    generatedCodecs.add(typeName);
    providers.add(model);
    contractTypes.put(model.type(), model);
    typeDescriptions.put(model.type(), new Javadoc(processingEnv.getElementUtils()).of(type));
    return true;
  }

  /**
   * Writes the AsyncAPI document and the TypeScript declarations of this compilation's endpoints;
   * a compilation without endpoints (a library of message types) has no contract of its own.
   */
  private void writeContract() {
    if (contractEndpoints.isEmpty()) {
      return;
    }
    Contract contract = new Contract(List.copyOf(contractEndpoints.values()), contractTypes, typeDescriptions);
    Map<String, String> options = processingEnv.getOptions();
    String title = options.getOrDefault(TITLE_OPTION, "Switchboard application");
    String version = options.getOrDefault(VERSION_OPTION, "0.0.0");
    files.writeResource(GeneratedFiles.ASYNCAPI, AsyncApiWriter.write(contract, title, version));
    files.writeResource(GeneratedFiles.TYPESCRIPT, TypeScriptWriter.write(contract, title, version));
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
