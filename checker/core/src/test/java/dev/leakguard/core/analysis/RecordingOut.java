package dev.leakguard.core.analysis;

import dev.leakguard.core.model.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** What {@link CallEffects#lower} emits for one call, recorded for the tests of its lowering. */
final class RecordingOut implements CallEffects.Out {
  final List<Event> events = new ArrayList<>();
  /** Each event as text, one thrown with the exceptions it may throw and why. */
  final List<String> lines = new ArrayList<>();
  final boolean probing;
  String probedKey;

  RecordingOut(boolean probing) {
    this.probing = probing;
  }

  @Override
  public void emit(Event e) {
    events.add(e);
    lines.add(e.toString());
  }

  @Override
  public void emitThrowing(Event e, ThrowInfo why, List<String> types) {
    events.add(e);
    lines.add(e + " throws " + types + " " + why);
  }

  @Override
  public String temp() {
    return "$t";
  }

  @Override
  public Site site(ResourceKind kind, String variable) {
    return new Site("s", kind, "Connection", "X.m()", variable, 1, null);
  }

  @Override
  public String closeText(String var) {
    return var + ".close()";
  }

  @Override
  public boolean probing() {
    return probing;
  }

  @Override
  public void probed(Site site, String key) {
    probedKey = key;
  }

  String kinds() {
    return events.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.joining(","));
  }
}
