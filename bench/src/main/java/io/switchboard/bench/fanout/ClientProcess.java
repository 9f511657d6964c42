package io.switchboard.bench.fanout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@link LoadClients} JVM seen from the server's side: started with the same class path, it is
 * driven one command line at a time, and each answer is awaited with a timeout. Any other main
 * class that answers on stdout with lines starting {@link LoadClients#ANSWER} can be driven the
 * same way ({@link #startMain}): the soak run drives its server JVM so.
 */
public final class ClientProcess implements AutoCloseable {

  /** Put on the queue when the client's stdout ends: the process died or quit. */
  private static final String EOF = "\u0000EOF";

  private final Process process;
  private final PrintStream commands;
  private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();

  private ClientProcess(Process process) {
    this.process = process;
    this.commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readAnswers, "load-clients-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the client JVM, its subscribers spread round-robin over {@code uris}; its stderr goes to
   * this process's stderr.
   */
  static ClientProcess start(List<URI> uris, String client, List<String> jvmOptions) {
    return startMain(LoadClients.class, List.of(LoadClients.joinUris(uris), client), jvmOptions);
  }

  /** Starts {@code main} in a JVM of its own, on this class path; its stderr goes to this one's. */
  public static ClientProcess startMain(Class<?> main, List<String> args, List<String> jvmOptions) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new java.util.ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    try {
      return new ClientProcess(
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM: " + command, e);
    }
  }

  private void readAnswers() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith(LoadClients.ANSWER)) {
          answers.add(line.substring(LoadClients.ANSWER.length()));
        } else {
          System.err.println(line); // e.g. a thread dump: kill -3 prints it to stdout
        }
      }
    } catch (IOException e) {
      // the process went away; EOF below says so
    }
    answers.add(EOF);
  }

  /** Sends one command and returns the answer, which must start with {@code expected}. */
  public String ask(String command, String expected, Duration timeout) throws InterruptedException {
    commands.println(command);
    String answer = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (answer == null) {
      throw new IllegalStateException("no answer to '" + command + "' within " + timeout);
    }
    if (answer.equals(EOF)) {
      throw new IllegalStateException("the client JVM exited on '" + command + "'");
    }
    if (!answer.startsWith(expected + " ")) {
      throw new IllegalStateException("'" + command + "' answered: " + answer);
    }
    return answer;
  }

  /** The {@code name=value} words of an answer, by name. */
  public static Map<String, String> fields(String answer) {
    Map<String, String> fields = new HashMap<>();
    for (String word : answer.split(" ")) {
      int equals = word.indexOf('=');
      if (equals > 0) {
        fields.put(word.substring(0, equals), word.substring(equals + 1));
      }
    }
    return fields;
  }

  /** CPU time the client JVM has used so far (all its threads, user and system). */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** Asks the client JVM to exit, and kills it if it does not within 10 seconds. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      commands.println("QUIT");
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
