package model;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.switchboard.WsMessage;
import java.util.List;

/** Public fields; one of them required. */
@WsMessage
public class Fields {
  public String label;
  public List<String> notes;

  @JsonProperty(required = true)
  public int weight;

  public static int ignoredStatic;
  private int ignoredPrivate;
}
