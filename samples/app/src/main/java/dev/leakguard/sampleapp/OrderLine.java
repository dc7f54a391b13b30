package dev.leakguard.sampleapp;

/** One line of an imported order. */
public record OrderLine(String sku, int quantity, long priceCents) {

  long totalCents() {
    return quantity * priceCents;
  }
}
