package shop;

public interface Lease extends AutoCloseable {
  int id();

  @Override
  void close();
}
