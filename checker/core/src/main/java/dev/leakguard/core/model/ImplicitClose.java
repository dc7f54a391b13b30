package dev.leakguard.core.model;

/** What happens to an open child resource when its parent is closed. */
public enum ImplicitClose {
  /** The child is not affected (the model has no rule). */
  NONE,
  /** The child is closed with its parent; nothing is reported (Statement closes its ResultSet). */
  SILENT,
  /** The child is closed with its parent but reported (Statements left to Connection close). */
  REPORT
}
