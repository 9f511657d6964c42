package model;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Color {
  RED,
  GREEN,
  @JsonProperty("dark-blue")
  BLUE
}
