package io.protect.enrich.stage;

import io.protect.enrich.Indicator;
import java.util.List;

/**
 * What a feed file yielded: its indicators, and a note for each entry that could not be used (so
 * the store can log what it ignored instead of failing the whole feed).
 *
 * @param indicators the usable indicators
 * @param rejected   one line per ignored entry, saying where and why
 */
public record ParsedFeed(List<Indicator> indicators, List<String> rejected) {
}
