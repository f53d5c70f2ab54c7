package navsync.sandbox.store;

import java.util.UUID;

/** Value of a lookup column: the target table (logical name) and row id. */
public record EntityReference(String logicalName, UUID id) {
}
