package io.residency.auditor.controls;

/** One article or section of a framework that controls cite, and why it bears on data residency. */
public record Provision(String framework, String ref, String title, String why) {
}
