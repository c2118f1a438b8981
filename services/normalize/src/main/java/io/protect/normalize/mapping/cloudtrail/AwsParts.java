package io.protect.normalize.mapping.cloudtrail;

import io.protect.normalize.mapping.EventTimes;
import io.protect.ocsf.model.enums.AccountTypeId;
import io.protect.ocsf.model.objects.Account;
import io.protect.ocsf.model.objects.Cloud;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the AWS mappers (CloudTrail, GuardDuty) share: AWS times and the OCSF {@code cloud} object.
 *
 * <p>AWS writes its times in UTC: ISO-8601 with {@code Z} in the service's own JSON, and
 * zone-less {@code yyyy-MM-dd HH:mm:ss[.fffffffff]} after some collectors (Panther) re-serialise
 * them. A zone-less AWS time is therefore read as UTC (offset 0), never as local time.
 */
public final class AwsParts {

    /** The provider every AWS event names. */
    public static final String PROVIDER = "AWS";

    private AwsParts() {
    }

    /** An AWS time: ISO-8601 with an offset, or zone-less (then UTC); empty when unreadable. */
    public static Optional<EventTimes.Parsed> parseTime(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<EventTimes.Parsed> iso = EventTimes.parseIso(text);
        if (iso.isPresent()) {
            return iso;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.trim().replace(' ', 'T'));
            return Optional.of(new EventTimes.Parsed(local.toInstant(ZoneOffset.UTC), 0));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The OCSF cloud of an AWS event (provider AWS, plus account, region and partition when known). */
    public static Cloud cloud(String accountId, String region, String partition) {
        if (accountId == null && region == null && partition == null) {
            return Cloud.builder().provider(PROVIDER).build();
        }
        return Cloud.builder()
                .provider(PROVIDER)
                .region(region)
                .cloudPartition(partition)
                .account(account(accountId))
                .build();
    }

    /** An AWS account by id, or null. */
    public static Account account(String accountId) {
        return accountId == null ? null
                : Account.builder().uid(accountId).typeId(AccountTypeId.AWS_ACCOUNT).type(AccountTypeId.AWS_ACCOUNT.caption()).build();
    }
}
