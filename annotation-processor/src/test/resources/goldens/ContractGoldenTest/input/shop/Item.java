package shop;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** A thing for sale: a class with bean properties, one of them required. */
public class Item {
  @JsonProperty(required = true)
  public String id;

  public Set<String> tags;

  private Map<String, LocalDate> dates;

  public Map<String, LocalDate> getDates() {
    return dates;
  }

  public void setDates(Map<String, LocalDate> dates) {
    this.dates = dates;
  }

  /** Written, never read. */
  public int getScore() {
    return 0;
  }
}
