package navsync.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import navsync.mapping.Direction;
import navsync.mapping.SkipPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The state store's behaviour, run on H2 and on PostgreSQL by the subclasses. */
abstract class StateStoreContract {

    StateStore store;

    abstract StateStore open();

    @BeforeEach
    void openStore() {
        store = open();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void pendingCouplingIsRecordedThenSynchronized() throws Exception {
        UUID salesId = UUID.randomUUID();
        UUID recordId = UUID.randomUUID();
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", recordId, salesId)));

        Coupling pending = store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow();
        assertThat(pending.isPending()).isTrue();
        assertThat(pending.salesId()).isEqualTo(salesId);
        assertThat(pending.navRecordId()).isEqualTo(recordId);

        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.afterFailures(3),
                    List.of(new CouplingStore.Synchronized("10000", 42L, "{\"name\":\"A\"}")));
            return null;
        });
        Coupling done = store.couplings().findBySalesId("CUSTOMER", salesId).orElseThrow();
        assertThat(done.isPending()).isFalse();
        assertThat(done.navVersion()).isEqualTo(42L);
        assertThat(done.toResult()).isEqualTo(SyncResult.Success);
        assertThat(done.toJobId()).isEqualTo(job);
        assertThat(done.syncedValues()).isEqualTo("{\"name\":\"A\"}");
    }

    @Test
    void aBatchIntentBecomesCouplingsWhenTheBatchCommits() throws Exception {
        UUID recordId = UUID.randomUUID();
        CouplingStore.Intent intent = store.couplings().recordIntent("CUSTOMER", List.of(
                new CouplingStore.NewCoupling("10000", recordId, UUID.randomUUID()),
                new CouplingStore.NewCoupling("20000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("30000", null, UUID.randomUUID())));
        assertThat(store.couplings().count("CUSTOMER")).isZero();

        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.afterFailures(3),
                    List.of(new CouplingStore.Synchronized("10000", 7L, "{\"name\":\"A\"}"),
                            new CouplingStore.Synchronized("20000", 8L, "{}").awaiting(),
                            new CouplingStore.Failed("30000", "Sales account: bad name")), intent);
            return null;
        });
        Map<String, Coupling> coupled = store.couplings().findByNavKeys("CUSTOMER", List.of("10000", "20000", "30000"));
        Coupling first = coupled.get("10000");
        assertThat(first.salesId()).isEqualTo(intent.couplings().get(0).salesId());
        assertThat(first.navRecordId()).isEqualTo(recordId);
        assertThat(first.navVersion()).isEqualTo(7L);
        assertThat(first.syncedValues()).isEqualTo("{\"name\":\"A\"}");
        assertThat(first.toResult()).isEqualTo(SyncResult.Success);
        assertThat(first.toJobId()).isEqualTo(job);
        assertThat(coupled.get("20000").toResult()).isEqualTo(SyncResult.Partial);
        // a failed new record keeps its Sales id (its write may have landed) and is retried
        Coupling failed = coupled.get("30000");
        assertThat(failed.salesId()).isEqualTo(intent.couplings().get(2).salesId());
        assertThat(failed.isPending()).isTrue();
        assertThat(failed.failureCount()).isEqualTo(1);
        assertThat(store.couplings().failedNavKeys("CUSTOMER", Direction.ToIntegrationTable)).containsExactly("30000");
        assertThat(store.couplings().recoverIntents("CUSTOMER")).as("the commit removed the intent").isZero();
    }

    @Test
    void anIntentLeftByADeadProcessBecomesPendingCouplingsUnlessAlreadyCoupled() {
        UUID salesId = UUID.randomUUID();
        UUID recordId = UUID.randomUUID();
        UUID coupledMeanwhile = UUID.randomUUID();
        store.couplings().recordIntent("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", recordId, salesId),
                new CouplingStore.NewCoupling("20000", null, coupledMeanwhile)));
        store.couplings().recordIntent("CONTACT", List.of(new CouplingStore.NewCoupling("CT1", null, UUID.randomUUID())));
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("20000", null, UUID.randomUUID())));

        assertThat(store.couplings().recoverIntents("CUSTOMER")).isEqualTo(1);

        Coupling recovered = store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow();
        assertThat(recovered.isPending()).isTrue();
        assertThat(recovered.salesId()).isEqualTo(salesId);
        assertThat(recovered.navRecordId()).isEqualTo(recordId);
        assertThat(store.couplings().findBySalesId("CUSTOMER", coupledMeanwhile)).isEmpty();
        assertThat(store.couplings().recoverIntents("CUSTOMER")).isZero();
        assertThat(store.couplings().count("CONTACT")).as("other mappings' intents wait for their own jobs").isZero();
        assertThat(store.couplings().recoverIntents("CONTACT")).isEqualTo(1);
    }

    @Test
    void aNavRecordAndASalesRowAreCoupledAtMostOncePerMapping() {
        UUID salesId = UUID.randomUUID();
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", null, salesId)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.couplings().insertPending("CUSTOMER",
                List.of(new CouplingStore.NewCoupling("10000", null, UUID.randomUUID()))))
                .isInstanceOf(StateStoreException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.couplings().insertPending("CUSTOMER",
                List.of(new CouplingStore.NewCoupling("20000", null, salesId))))
                .isInstanceOf(StateStoreException.class);
        // the same Sales row may be coupled under another mapping
        store.couplings().insertPending("VENDOR", List.of(new CouplingStore.NewCoupling("10000", null, salesId)));
        assertThat(store.couplings().count("CUSTOMER")).isEqualTo(1);
    }

    @Test
    void deletingAllCouplingsOfAMappingLeavesOtherMappingsAlone() {
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("20000", null, UUID.randomUUID())));
        store.couplings().insertPending("CONTACT", List.of(new CouplingStore.NewCoupling("CT000001", null, UUID.randomUUID())));
        assertThat(store.couplings().deleteAll("CUSTOMER")).isEqualTo(2);
        assertThat(store.couplings().count("CUSTOMER")).isZero();
        assertThat(store.couplings().count("CONTACT")).isEqualTo(1);
        assertThat(store.couplings().deleteAll("CUSTOMER")).isZero();
    }

    @Test
    void failuresAreRetriedThenSkippedAfterTheConfiguredCount() {
        store.couplings().insertPending("CUSTOMER", List.of(
                new CouplingStore.NewCoupling("10000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("20000", null, UUID.randomUUID())));
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        for (int attempt = 1; attempt <= 2; attempt++) {
            store.inTransaction(c -> {
                store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.afterFailures(2),
                        List.of(new CouplingStore.Failed("10000", "too long")));
                return null;
            });
            if (attempt == 1) {
                assertThat(store.couplings().failedNavKeys("CUSTOMER", Direction.ToIntegrationTable)).containsExactly("10000");
            }
        }
        Coupling skipped = store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow();
        assertThat(skipped.skipped()).isTrue();
        assertThat(skipped.failureCount()).isEqualTo(2);
        assertThat(skipped.lastError()).isEqualTo("too long");
        assertThat(store.couplings().failedNavKeys("CUSTOMER", Direction.ToIntegrationTable)).isEmpty();
        assertThat(store.couplings().failedNavKeys("CUSTOMER", Direction.FromIntegrationTable)).isEmpty();
    }

    @Test
    void sameErrorTwiceSkipsOnARepeatedMessageAndTransientFailuresNeverSkip() {
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("20000", null, UUID.randomUUID())));
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        for (String message : List.of("first", "second", "second")) {
            store.inTransaction(c -> {
                store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.SAME_ERROR_TWICE,
                        List.of(new CouplingStore.Failed("10000", message),
                                new CouplingStore.Failed("20000", "HTTP 429: throttled", true)));
                return null;
            });
            boolean last = message.equals("second") && store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow()
                    .failureCount() == 3;
            assertThat(store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow().skipped()).isEqualTo(last);
        }
        assertThat(store.couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().skipped()).isFalse();
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.NEVER,
                    List.of(new CouplingStore.Failed("20000", "same"), new CouplingStore.Failed("20000", "same")));
            return null;
        });
        assertThat(store.couplings().findByNavKey("CUSTOMER", "20000").orElseThrow().skipped()).isFalse();
    }

    @Test
    void lookupByManyKeysWorksAcrossChunks() {
        List<CouplingStore.NewCoupling> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1234; i++) {
            many.add(new CouplingStore.NewCoupling("C" + i, null, UUID.randomUUID()));
        }
        store.couplings().insertPending("CUSTOMER", many);
        List<String> keys = new java.util.ArrayList<>(many.stream().map(CouplingStore.NewCoupling::navKey).toList());
        keys.add("MISSING");
        Map<String, Coupling> found = store.couplings().findByNavKeys("CUSTOMER", keys);
        assertThat(found).hasSize(1234).doesNotContainKey("MISSING");
        assertThat(found.get("C1233").salesId()).isEqualTo(many.get(1233).salesId());
    }

    @Test
    void jobCountersAndErrorsAccumulatePerBatch() throws SQLException {
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            store.jobs().record(c, job, "CUSTOMER", new JobCounters(3, 1, 0, 2, 0, 1, 0, 1),
                    List.of(new JobStore.NewError("10000", UUID.randomUUID(), "HTTP 400: too long")));
            return null;
        });
        store.inTransaction(c -> {
            store.jobs().record(c, job, "CUSTOMER", new JobCounters(2, 0, 0, 0, 1, 0, 2, 0), List.of());
            return null;
        });
        store.jobs().finish(job, SyncJob.SUCCEEDED, "done");
        SyncJob found = store.jobs().find(job).orElseThrow();
        assertThat(found.counters()).isEqualTo(new JobCounters(5, 1, 0, 2, 1, 1, 2, 1));
        assertThat(found.status()).isEqualTo(SyncJob.SUCCEEDED);
        assertThat(found.finishedAt()).isNotNull();
        assertThat(store.jobs().errors(job)).singleElement().satisfies(e -> {
            assertThat(e.navKey()).isEqualTo("10000");
            assertThat(e.message()).isEqualTo("HTTP 400: too long");
        });
        assertThat(store.jobs().latest("CUSTOMER", 10)).extracting(SyncJob::id).containsExactly(job);
        assertThat(store.jobs().latest("CONTACT", 10)).isEmpty();
    }

    @Test
    void aFailedBatchTransactionLeavesNothingBehind() {
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.inTransaction(c -> {
            store.jobs().record(c, job, "CUSTOMER", new JobCounters(5, 0, 0, 0, 0, 0, 0, 0), List.of());
            throw new SQLException("crash before commit");
        })).isInstanceOf(StateStoreException.class);
        assertThat(store.jobs().find(job).orElseThrow().counters()).isEqualTo(JobCounters.ZERO);
    }

    @Test
    void watermarksMoveAndReset() {
        assertThat(store.watermarks().get("CUSTOMER", "ToIntegrationTable")).isEmpty();
        store.watermarks().set("CUSTOMER", "ToIntegrationTable", "100");
        store.watermarks().set("CUSTOMER", "ToIntegrationTable", "250");
        assertThat(store.watermarks().get("CUSTOMER", "ToIntegrationTable")).contains("250");
        assertThat(store.watermarks().get("CUSTOMER", "FromIntegrationTable")).isEmpty();
        store.watermarks().reset("CUSTOMER", "ToIntegrationTable");
        assertThat(store.watermarks().get("CUSTOMER", "ToIntegrationTable")).isEmpty();
    }

    @Test
    void jobsAreFilteredByMappingDirectionStatusAndTimeAndPaged() {
        UUID a = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        UUID b = store.jobs().start("CUSTOMER", "FromIntegrationTable", "Synchronization");
        UUID c = store.jobs().start("CONTACT", "ToIntegrationTable", "Synchronization");
        store.jobs().finish(a, SyncJob.SUCCEEDED, "ok");
        store.jobs().finish(b, SyncJob.FAILED, "stopped");
        age(a, java.time.Duration.ofDays(3));
        age(b, java.time.Duration.ofDays(2));

        assertThat(search("CUSTOMER", null, null, null, null, 0, 10).jobs()).extracting(SyncJob::id).containsExactly(b, a);
        assertThat(search(null, "ToIntegrationTable", null, null, null, 0, 10).jobs()).extracting(SyncJob::id)
                .containsExactly(c, a);
        assertThat(search(null, null, SyncJob.FAILED, null, null, 0, 10).jobs()).extracting(SyncJob::id).containsExactly(b);
        java.time.Instant now = java.time.Instant.now();
        assertThat(search(null, null, null, now.minus(java.time.Duration.ofDays(2).plusHours(1)), now.minusSeconds(3600),
                0, 10).jobs()).extracting(SyncJob::id).containsExactly(b);
        JobStore.JobPage second = search(null, null, null, null, null, 1, 1);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.jobs()).extracting(SyncJob::id).containsExactly(b);
        assertThat(store.jobs().last("CUSTOMER", "ToIntegrationTable")).map(SyncJob::id).contains(a);
        assertThat(store.jobs().lastSucceeded("CUSTOMER", "FromIntegrationTable")).isEmpty();
    }

    @Test
    void retentionDeletesOldJobsAndErrorsButKeepsThoseASkippedCouplingRefersTo() {
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("20000", null, UUID.randomUUID())));
        UUID skippedJob = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            store.jobs().record(c, skippedJob, "CUSTOMER", new JobCounters(0, 0, 0, 0, 0, 1, 0, 0),
                    List.of(new JobStore.NewError("10000", null, "too long")));
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, skippedJob,
                    SkipPolicy.afterFailures(1), List.of(new CouplingStore.Failed("10000", "too long")));
            return null;
        });
        store.jobs().finish(skippedJob, SyncJob.SUCCEEDED, "done");
        UUID oldJob = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            store.jobs().record(c, oldJob, "CUSTOMER", new JobCounters(0, 0, 0, 0, 0, 1, 0, 0),
                    List.of(new JobStore.NewError("20000", null, "conflict")));
            return null;
        });
        store.jobs().finish(oldJob, SyncJob.SUCCEEDED, "done");
        UUID stillRunning = store.jobs().start("CONTACT", "ToIntegrationTable", "Synchronization");
        UUID recent = store.jobs().start("CUSTOMER", "FromIntegrationTable", "Synchronization");
        store.jobs().finish(recent, SyncJob.SUCCEEDED, "done");
        for (UUID id : List.of(skippedJob, oldJob, stillRunning)) {
            age(id, java.time.Duration.ofDays(40));
        }

        JobStore.Cleanup cleanup = store.jobs().deleteOlderThan(java.time.Instant.now().minus(java.time.Duration.ofDays(30)), 1);
        assertThat(cleanup.jobs()).isEqualTo(1);
        assertThat(cleanup.errors()).isEqualTo(1);
        assertThat(store.jobs().find(oldJob)).isEmpty();
        assertThat(store.jobs().errors(oldJob)).isEmpty();
        assertThat(store.jobs().find(skippedJob)).as("a skipped coupling refers to it").isPresent();
        assertThat(store.jobs().errors(skippedJob)).hasSize(1);
        assertThat(store.jobs().find(stillRunning)).as("running").isPresent();
        assertThat(store.jobs().find(recent)).isPresent();

        store.couplings().retry("CUSTOMER", "10000");
        store.jobs().deleteOlderThan(java.time.Instant.now().minus(java.time.Duration.ofDays(30)), 500);
        assertThat(store.jobs().find(skippedJob)).as("no longer skipped: it may go").isEmpty();
    }

    @Test
    void couplingsInErrorAreListedCountedAndRetried() {
        store.couplings().insertPending("CUSTOMER", List.of(new CouplingStore.NewCoupling("10000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("20000", null, UUID.randomUUID()),
                new CouplingStore.NewCoupling("30000", null, UUID.randomUUID())));
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.afterFailures(1),
                    List.of(new CouplingStore.Failed("10000", "too long")));
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.NEVER,
                    List.of(new CouplingStore.Failed("20000", "conflict"),
                            new CouplingStore.Synchronized("30000", 5L, "{}")));
            return null;
        });
        assertThat(store.couplings().errorCounts("CUSTOMER")).isEqualTo(new CouplingStore.ErrorCounts(1, 1));
        assertThat(store.couplings().errors("CUSTOMER", null, 0, 10)).extracting(e -> e.coupling().navKey())
                .containsExactly("10000", "20000");
        List<CouplingStore.CouplingError> skipped = store.couplings().errors(null, CouplingStore.ErrorState.skipped, 0, 10);
        assertThat(skipped).singleElement().satisfies(e -> {
            assertThat(e.coupling().navKey()).isEqualTo("10000");
            assertThat(e.coupling().lastError()).isEqualTo("too long");
            assertThat(e.failedAt()).isEqualTo(store.jobs().find(job).orElseThrow().startedAt());
        });
        assertThat(store.couplings().countErrors("CUSTOMER", CouplingStore.ErrorState.failed)).isEqualTo(1);
        assertThat(store.couplings().errors("CUSTOMER", null, 1, 10)).hasSize(1);

        assertThat(store.couplings().retry("CUSTOMER", "10000")).isTrue();
        assertThat(store.couplings().retry("CUSTOMER", "99999")).isFalse();
        Coupling retried = store.couplings().findByNavKey("CUSTOMER", "10000").orElseThrow();
        assertThat(retried.skipped()).isFalse();
        assertThat(retried.failureCount()).isZero();
        assertThat(store.couplings().failedNavKeys("CUSTOMER", Direction.ToIntegrationTable)).containsExactly("10000", "20000");
        assertThat(store.couplings().retryAll("CUSTOMER")).isEqualTo(2);
    }

    private JobStore.JobPage search(String mapping, String direction, String status, java.time.Instant from,
                                    java.time.Instant to, int offset, int limit) {
        return store.jobs().search(new JobStore.JobQuery(mapping, direction, status, null, from, to, offset, limit));
    }

    /** Moves a job's start (and its errors) back in time. */
    private void age(UUID job, java.time.Duration by) {
        store.inTransaction(c -> {
            for (String sql : List.of("UPDATE sync_job SET started_at = ? WHERE id = ?",
                    "UPDATE sync_job_error SET created_at = ? WHERE job_id = ?")) {
                try (var ps = c.prepareStatement(sql)) {
                    ps.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minus(by));
                    ps.setObject(2, job);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Test
    void aDeltaLinkFitsAsAWatermark() {
        String link = "https://org.example.com/api/data/v9.2/accounts?$select=" + "attribute_name,".repeat(120)
                + "accountid&$deltatoken=919042%2108%2f22%2f2017%2008%3a10%3a44";
        store.watermarks().set("CUSTOMER", "FromIntegrationTable", link);
        assertThat(store.watermarks().get("CUSTOMER", "FromIntegrationTable")).contains(link);
    }

    @Test
    void theDeletionSweepPagesThroughSynchronizedCouplingsInKeyOrder() {
        List<CouplingStore.NewCoupling> couplings = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            couplings.add(new CouplingStore.NewCoupling(String.format("C%03d", 24 - i), null, UUID.randomUUID()));
        }
        store.couplings().insertPending("CUSTOMER", couplings);
        store.couplings().insertPending("CONTACT", List.of(new CouplingStore.NewCoupling("C000", null, UUID.randomUUID())));
        UUID job = store.jobs().start("CUSTOMER", "ToIntegrationTable", "Synchronization");
        List<CouplingStore.Outcome> outcomes = new java.util.ArrayList<>();
        for (int i = 0; i < 25; i++) {
            if (i != 7) { // C007 stays pending: never written, nothing to sweep
                outcomes.add(new CouplingStore.Synchronized(String.format("C%03d", i), 1L, "{}"));
            }
        }
        store.inTransaction(c -> {
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.afterFailures(1),
                    outcomes);
            store.couplings().applyOutcomes(c, "CUSTOMER", Direction.ToIntegrationTable, job, SkipPolicy.afterFailures(1),
                    List.of(new CouplingStore.Failed("C011", "boom"))); // skipped now
            return null;
        });

        List<String> seen = new java.util.ArrayList<>();
        String after = null;
        for (List<CouplingStore.CoupledPair> page; !(page = store.couplings().synchronizedAfter("CUSTOMER", after, 10))
                .isEmpty(); after = page.get(page.size() - 1).navKey()) {
            assertThat(page.size()).isLessThanOrEqualTo(10);
            page.forEach(p -> seen.add(p.navKey()));
        }
        assertThat(seen).hasSize(23).isSorted().doesNotContain("C007", "C011");
        assertThat(store.couplings().findByNavKey("CUSTOMER", "C003").orElseThrow().salesId())
                .isEqualTo(store.couplings().synchronizedAfter("CUSTOMER", "C002", 1).get(0).salesId());
    }
}
