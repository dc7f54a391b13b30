package shop;

public interface LeasePool {
  Lease lease() throws java.io.IOException;
}
