package navsync.sandbox.service;

import java.util.UUID;

/**
 * Who calls and which organization: the sandbox serves one caller (the application user of the integration).
 * {@code baseCurrencyId} is null when no base currency row was seeded.
 */
public record Identity(UUID userId, UUID businessUnitId, UUID organizationId, UUID baseCurrencyId) {
}
