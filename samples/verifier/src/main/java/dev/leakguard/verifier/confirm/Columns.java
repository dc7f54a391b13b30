package dev.leakguard.verifier.confirm;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table: each column as wide as its widest cell, the last one unpadded. */
final class Columns {
  private final List<String[]> rows = new ArrayList<>();
  private final int width;
  private final boolean[] right;

  Columns(String... header) {
    this.width = header.length;
    this.right = new boolean[width];
    rows.add(header);
  }

  /** Right-aligns the given columns (numbers). */
  Columns alignRight(int... columns) {
    for (int column : columns) {
      right[column] = true;
    }
    return this;
  }

  void row(String... cells) {
    if (cells.length != width) {
      throw new IllegalArgumentException("expected " + width + " cells, got " + cells.length);
    }
    rows.add(cells);
  }

  String render(String indent) {
    int[] widths = new int[width];
    for (String[] row : rows) {
      for (int i = 0; i < width; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < width; i++) {
        String pad = " ".repeat(widths[i] - row[i].length());
        if (right[i]) {
          line.append(pad).append(row[i]);
        } else {
          line.append(row[i]);
          if (i < width - 1) {
            line.append(pad);
          }
        }
        if (i < width - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }
}
