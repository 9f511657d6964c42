package io.switchboard.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.WsException;
import io.switchboard.json.CodecRegistry;
import io.switchboard.json.Json;
import io.switchboard.json.JsonCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The table "Scalars as Jackson reads them" of docs/annotations.md, row by row: each JSON value is
 * read into a member of the row's type by a generated codec and by jackson-databind's default
 * {@code ObjectMapper}. The third column says what the generated codec reads (or "refused", a
 * {@code bad_request}); the fourth says "same" when databind must agree (value or refusal), or
 * shows the value databind reads where Switchboard is deliberately stricter. A new databind that
 * reads a row differently fails here, and so does a row of the page that the code does not keep.
 */
class LenientScalarsTest {

  private static final ObjectMapper DATABIND = new ObjectMapper();

  /** The type column's names, and the member of {@code Scalars} of that type. */
  private static final Map<String, String> MEMBERS = Map.ofEntries(
      Map.entry("int", "anInt"),
      Map.entry("Integer", "anInteger"),
      Map.entry("long", "aLong"),
      Map.entry("short", "aShort"),
      Map.entry("byte", "aByte"),
      Map.entry("BigInteger", "aBigInteger"),
      Map.entry("BigDecimal", "aBigDecimal"),
      Map.entry("double", "aDouble"),
      Map.entry("float", "aFloat"),
      Map.entry("String", "aString"),
      Map.entry("boolean", "aBoolean"),
      Map.entry("char", "aChar"),
      Map.entry("Color", "aColor"));

  private static final String SCALARS = """
      package lenient;

      import io.switchboard.WsMessage;
      import java.math.BigDecimal;
      import java.math.BigInteger;

      /** One optional public field per scalar type; a row sets one of them. */
      @WsMessage
      public class Scalars {
        public int anInt;
        public Integer anInteger;
        public long aLong;
        public short aShort;
        public byte aByte;
        public BigInteger aBigInteger;
        public BigDecimal aBigDecimal;
        public double aDouble;
        public float aFloat;
        public String aString;
        public boolean aBoolean;
        public char aChar;
        public Color aColor;

        public enum Color { RED, GREEN }
      }
      """;

  private static Compiled compiled;
  private static Class<?> type;
  private static JsonCodec<Object> codec;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void compile() {
    compiled = Compiled.compile("lenient.Scalars", SCALARS);
    type = compiled.load("lenient.Scalars");
    codec = (JsonCodec<Object>) CodecRegistry.load(compiled.loader()).find(type);
    assertNotNull(codec);
  }

  @AfterAll
  static void close() throws Exception {
    compiled.close();
  }

  /** One row of the table, its cells stripped of their backticks. */
  record Row(String type, String json, String switchboard, String databind) {
    boolean refused() {
      return switchboard.equals("refused");
    }

    boolean databindAgrees() {
      return databind.equals("same");
    }

    @Override
    public String toString() {
      return type + " ← " + json;
    }
  }

  static List<Row> table() throws Exception {
    String page = Files.readString(Path.of("..", "docs", "annotations.md"));
    String section = page.substring(page.indexOf("### Scalars as Jackson reads them"));
    section = section.substring(0, section.indexOf("\n### "));
    // | `int` | `"12"` | `12` | same |   (a cell may go on after its code: `1`: the fraction…)
    Pattern cell = Pattern.compile("`([^`]*)`[^|]*|(refused|same)[^|]*");
    List<Row> rows = new ArrayList<>();
    for (String line : section.lines().filter(l -> l.startsWith("| `")).toList()) {
      String[] cells = line.substring(1, line.lastIndexOf('|')).split("\\|");
      List<String> values = new ArrayList<>();
      for (String text : cells) {
        Matcher matcher = cell.matcher(text.strip());
        assertTrue(matcher.matches(), "cell " + text + " of " + line);
        values.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
      }
      assertEquals(4, values.size(), line);
      rows.add(new Row(values.get(0), values.get(1), values.get(2), values.get(3)));
    }
    assertTrue(rows.size() > 40, "the table was found: " + rows.size() + " rows");
    return rows;
  }

  @TestFactory
  Stream<DynamicTest> everyRowOfTheTableHolds() throws Exception {
    return table().stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
  }

  private static void check(Row row) throws Exception {
    String member = MEMBERS.get(row.type());
    assertNotNull(member, "no member of type " + row.type());
    String json = "{\"" + member + "\":" + row.json() + "}";

    String ours = read(json, member);
    if (row.refused()) {
      assertEquals("refused", ours, "Switchboard reads " + json);
    } else {
      assertEquals(row.switchboard(), ours, "Switchboard reads " + json);
    }

    String theirs = readWithDatabind(json, member);
    if (row.databindAgrees()) {
      assertEquals(ours, theirs, "databind must read " + json + " as Switchboard does");
    } else {
      assertTrue(row.refused(), "a row where databind differs must be one Switchboard refuses");
      assertEquals(row.databind(), theirs, "databind reads " + json);
    }
  }

  /** The member's value as read by the generated codec, or "refused" for a bad_request. */
  private static String read(String json, String member) throws Exception {
    try {
      return valueOf(Json.readValue(codec, json), member);
    } catch (WsException e) {
      assertEquals(WsException.BAD_REQUEST, e.code(), e.getMessage());
      assertTrue(e.getMessage().startsWith("$." + member + ": "), "the error names the member: " + e.getMessage());
      return "refused";
    }
  }

  private static String readWithDatabind(String json, String member) throws Exception {
    try {
      return valueOf(DATABIND.readValue(json, type), member);
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      return "refused";
    }
  }

  private static String valueOf(Object scalars, String member) throws Exception {
    if (scalars == null) {
      fail("no object read");
    }
    return String.valueOf(type.getField(member).get(scalars));
  }
}
