package io.switchboard.processor;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The {@code Switchboard_Codecs} providers of a compilation: which generated codecs still wait for
 * one, and under which name each package's next provider is written. Codecs can turn up in any
 * round, so a package may get more than one provider.
 */
final class CodecProviders {

  private final Elements elements;
  private final GeneratedFiles files;
  /** Generated codecs not yet listed in a provider, by package. */
  private final Map<String, List<CodecModel>> unlisted = new TreeMap<>();
  private final Set<String> written = new TreeSet<>();

  CodecProviders(Elements elements, GeneratedFiles files) {
    this.elements = elements;
    this.files = files;
  }

  /** A codec just generated, for the next provider of its package to list. */
  void add(CodecModel codec) {
    unlisted.computeIfAbsent(codec.type().packageName(), p -> new ArrayList<>()).add(codec);
  }

  /** Writes a provider for each package with unlisted codecs. */
  void writeUnlisted() {
    for (Map.Entry<String, List<CodecModel>> entry : unlisted.entrySet()) {
      ClassName provider = providerName(entry.getKey());
      List<CodecModel> codecs = new ArrayList<>(entry.getValue());
      codecs.sort(Comparator.comparing(c -> c.type().canonicalName()));
      TypeElement[] origins = codecs.stream()
          .map(c -> elements.getTypeElement(c.type().canonicalName()))
          .toArray(TypeElement[]::new);
      if (files.writeSource(provider, CodecProviderWriter.write(provider, codecs), origins)) {
        written.add(provider.canonicalName());
      }
    }
    unlisted.clear();
  }

  /** The providers written so far, by qualified name, in name order. */
  Set<String> written() {
    return written;
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
      boolean taken = written.contains(name.canonicalName())
          || (elements.getTypeElement(name.canonicalName()) != null && !files.isOwnOutput(name));
      if (!taken) {
        return name;
      }
    }
  }
}
