/**
 * The Sales sandbox: an in-process stand-in for the Dataverse Web API v9.2 that follows
 * {@code shared/reference/dataverse-webapi.md} (citations in brackets, e.g. [COND], refer to its source key).
 *
 * <p>Start it with {@link navsync.sandbox.SalesSandbox#start(navsync.sandbox.SandboxOptions)}, or alone with
 * {@code java navsync.sandbox.SalesSandbox --port 8181}.
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>{@code schema} - tables and columns (type, length, range, choices, required level, create/update validity):
 * {@code StandardSchema} holds account, contact, systemuser, transactioncurrency, product.</li>
 * <li>{@code store} - in-memory rows per table, atomic multi-row transactions, the global versionnumber.</li>
 * <li>{@code service} - Web API write semantics: body reading and validation ({@code PayloadReader}), defaults and
 * computed columns ({@code RowAssembler}), create/upsert/delete/bulk with preconditions ({@code EntityService}).</li>
 * <li>{@code odata} - query options: $select, $filter, $orderby, paging tokens, and the query executor.</li>
 * <li>{@code json} - Jackson setup and the rendering of rows.</li>
 * <li>{@code http} - routing on the JDK HTTP server, endpoints, response and error writing.</li>
 * <li>{@code error} - the exception behind every Dataverse error body, and the error codes.</li>
 * </ul>
 *
 * <h2>Not served (HTTP 501, code {@code 0x0})</h2>
 * {@code $batch}, {@code $metadata}, {@code $expand}, {@code $apply}, lambda operators, Dataverse query functions
 * ({@code Microsoft.Dynamics.CRM.*}), deep insert, change tracking, alternate keys (none are defined, so alternate-key
 * URLs fail with the documented invalid-key message, as in an environment without keys), throttling/fault injection.
 */
package navsync.sandbox;
