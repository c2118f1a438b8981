package io.protect.enrich;

/** An alert's severity on one scale, whatever scale the sensor used. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
