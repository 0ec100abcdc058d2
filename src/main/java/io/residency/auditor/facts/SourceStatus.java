package io.residency.auditor.facts;

/** Whether a source could be read. An ERROR source makes the checks that depend on it UNVERIFIED. */
public enum SourceStatus { OK, ERROR }
