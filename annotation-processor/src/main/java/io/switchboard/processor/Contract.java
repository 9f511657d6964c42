package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the AsyncAPI and TypeScript writers describe: the endpoints of one compilation, and every
 * message type they take, return or push, each under a unique name ({@code ChatLine}, {@code
 * ChatEndpoint_UserInfo}). Built from the same models the dispatcher and codec writers read.
 *
 * @param endpoints the valid endpoints, by path
 * @param types the codec models of the message types generated in this compilation
 * @param descriptions the message types' Javadoc, by type
 */
record Contract(List<EndpointModel> endpoints, Map<ClassName, CodecModel> types, Map<ClassName, String> descriptions) {

  /** The message types the endpoints reach, in name order, each with its name in the documents. */
  Map<ClassName, String> names() {
    // Sorted by qualified name, so that a simple name shared by two types goes to the same one every build.
    Map<String, ClassName> reached = new TreeMap<>();
    Deque<CodecRef> pending = new ArrayDeque<>();
    endpoints.stream().flatMap(Contract::refs).forEach(pending::add);
    while (!pending.isEmpty()) {
      CodecRef ref = pending.pop();
      if (ref instanceof CodecRef.Combinator combinator) {
        pending.push(combinator.element());
      } else if (ref instanceof CodecRef.Generated generated
          && reached.put(generated.type().toString(), (ClassName) generated.type()) == null
          && types.get((ClassName) generated.type()) instanceof CodecModel.ObjectCodec object) {
        object.properties().forEach(property -> pending.push(property.codec()));
      }
    }
    Map<ClassName, String> names = new LinkedHashMap<>();
    Set<String> taken = new HashSet<>();
    for (ClassName type : reached.values()) {
      String simple = String.join("_", type.simpleNames());
      String name = taken.add(simple) ? simple : type.canonicalName().replace('.', '_');
      taken.add(name);
      names.put(type, name);
    }
    return names;
  }

  /** The codecs an endpoint's commands and events use directly. */
  private static Stream<CodecRef> refs(EndpointModel endpoint) {
    Stream<CodecRef> commands = endpoint.commands().stream().flatMap(command -> Stream.of(
        ContractShapes.request(command), ContractShapes.reply(command)).flatMap(java.util.Optional::stream));
    return Stream.concat(commands, endpoint.events().stream().map(EventModel::payload));
  }
}
