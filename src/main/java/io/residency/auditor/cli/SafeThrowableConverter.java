package io.residency.auditor.cli;

import io.residency.auditor.text.SafeText;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/**
 * {@code %safeEx} in logback.xml: a stack trace (verbose runs only) with every line indented and
 * escaped, since exception messages may quote configs.
 */
public class SafeThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return SafeText.indentLines(super.throwableProxyToString(proxy), "    | ");
    }
}
