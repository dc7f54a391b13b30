package dev.leakguard.core.model;

/** What an annotation, recognised by simple name, means for ownership. */
public enum AnnotationRole {
  /** On a method: its result is a fresh resource the caller must close (@MustBeClosed). */
  RETURNS_OWNED,
  /** On a method: its result is borrowed (@NotOwning). */
  RETURNS_BORROWED,
  /** On a parameter: the callee closes it (@WillClose). */
  PARAM_RELEASED,
  /** On a parameter: the callee takes ownership (@Owning). */
  PARAM_OWNED,
  /** On a parameter: the callee does not close it; the caller still owns it (@WillNotClose). */
  PARAM_BORROWED,
  /** On a constructor/factory parameter: closing the result closes it (@WillCloseWhenClosed). */
  PARAM_WRAPPED,
  /** On a field: the field owns the resource (@Owning on a field). */
  FIELD_OWNED
}
