package navsync.sandbox.service;

import navsync.sandbox.store.Row;

/** The row after an upsert and whether the upsert created it (201) or updated it (200). */
public record UpsertResult(Row row, boolean created) {
}
