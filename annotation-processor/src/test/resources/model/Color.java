package model;

import com.fasterxml.jackson.annotation.JsonProperty;

public enum Color {
  RED,
  GREEN,
  @JsonProperty("dark-blue")
  BLUE {
    @Override
    public String toString() {
      return "a constant with a body, so of an anonymous subclass";
    }
  }
}
