/**
 * The Sales sandbox: an in-process stand-in for the Dataverse Web API v9.2 that follows
 * {@code shared/reference/dataverse-webapi.md} (citations in brackets, e.g. [COND], refer to its source key). Where
 * the reference says a behaviour is inferred or undocumented, the code says which OData 4.0 behaviour it chose.
 *
 * <p>Start it with {@link navsync.sandbox.SalesSandbox#start(navsync.sandbox.SandboxOptions)}, or alone with
 * {@code java navsync.sandbox.SalesSandbox --port 8181} ({@link navsync.sandbox.SandboxCommand}; user guide in
 * {@code docs/sandbox.md}).
 *
 * <h2>Layout</h2>
 * <ul>
 * <li>{@code schema} - tables and columns (type, length, range, choices, required level, create/update validity),
 * alternate keys: {@code StandardSchema} holds account, contact, systemuser, transactioncurrency, product.</li>
 * <li>{@code store} - in-memory rows per table with id, version (change tracking) and alternate-key indexes; atomic
 * multi-row transactions per table and over all tables ($batch change sets); the global versionnumber.</li>
 * <li>{@code service} - Web API write semantics: body reading and validation ({@code PayloadReader}), defaults and
 * computed columns ({@code RowAssembler}), create/upsert/delete/bulk with preconditions and alternate keys
 * ({@code EntityService}), change-tracking tokens, seed and demo rows.</li>
 * <li>{@code odata} - URLs and query options: keys, $select/$expand ({@code Projection}), $filter, $orderby, paging
 * tokens, delta tokens and change reading, the query executor.</li>
 * <li>{@code json} - Jackson setup and the rendering of values.</li>
 * <li>{@code metadata} - the CSDL {@code $metadata} document.</li>
 * <li>{@code http} - the JDK server handler ({@code HttpFront}), routing, endpoints (collection, entity, delta, bulk,
 * $batch, service), annotations, response building. Every Web API request passes a chain of {@code ApiHandler}s:
 * authentication, fault injection, service protection, latency, router - each optional, each one class.</li>
 * <li>{@code auth} - the Entra-like token endpoint, bearer-token checks, the self-signed TLS certificate.</li>
 * <li>{@code limits} - service protection, fault injection, latency model.</li>
 * <li>{@code persist} - saving rows to a file and loading them back.</li>
 * <li>{@code error} - the exception behind every Dataverse error body, and the error codes.</li>
 * </ul>
 *
 * <h2>Not served (HTTP 501, code {@code 0x0}, or "Could not find a property")</h2>
 * {@code $apply}, lambda operators and collection-valued navigation properties (no related collections are served),
 * {@code $expand} with {@code /$ref}, Dataverse query functions ({@code Microsoft.Dynamics.CRM.*}), deep insert,
 * metadata queries ({@code EntityDefinitions}, {@code sdkmessagefilters}) beyond a Picklist column's options, other
 * actions and functions than {@code WhoAmI}, {@code InsertOptionValue} and the three bulk actions, elastic tables.
 */
package navsync.sandbox;
