package io.residency.auditor.cli;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %safeMsg} in logback.xml: a log message on one line, with what configs carry escaped as on stdout. */
public class SafeMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ConsoleText.escape(super.convert(event));
    }
}
