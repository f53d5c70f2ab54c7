package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.communication.request.cud.ODataEntityCreateRequest;
import org.apache.olingo.client.api.communication.request.retrieve.ODataEntitySetRequest;
import org.apache.olingo.client.api.communication.response.ODataEntityCreateResponse;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmEntitySet;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.apache.olingo.commons.api.format.ContentType;
import org.junit.jupiter.api.Test;

/**
 * A real OData v4 client nobody here wrote (Apache Olingo) against the sandbox: it reads {@code $metadata}, queries
 * accounts page by page following {@code @odata.nextLink}, and creates a row.
 */
class ODataClientTest extends SandboxTestBase {
    private static final String NS = "Microsoft.Dynamics.CRM";

    private ODataClient client() {
        ODataClient client = ODataClientFactory.getClient();
        client.getConfiguration().setDefaultPubFormat(ContentType.JSON);
        return client;
    }

    @Test
    void olingoReadsMetadataPagesThroughAccountsAndCreatesOne() {
        ODataClient client = client();
        String root = api.root();

        Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(root).execute().getBody();
        EdmEntitySet accounts = edm.getEntityContainer().getEntitySet("accounts");
        assertNotNull(accounts);
        EdmEntityType account = accounts.getEntityType();
        assertEquals(new FullQualifiedName(NS, "account"), account.getFullQualifiedName());
        assertThat(account.getKeyPredicateNames()).containsExactly("accountid");
        assertThat(account.getPropertyNames()).contains("name", "accountnumber", "revenue", "_primarycontactid_value",
                "_ownerid_value", "modifiedon", "versionnumber");
        assertThat(account.getNavigationPropertyNames()).contains("primarycontactid", "ownerid", "transactioncurrencyid");
        assertThat(edm.getEntityContainer().getEntitySet("contacts").getEntityType().getNavigationPropertyNames())
                .contains("parentcustomerid_account");
        assertThat(edm.getEntityContainer().getEntitySet("systemusers").getEntityType().getKeyPredicateNames())
                .containsExactly("ownerid");
        assertNotNull(edm.getEntityContainer().getEntitySet("transactioncurrencies"));

        for (int i = 0; i < 7; i++) {
            createAccount("{\"name\":\"Olingo " + i + "\",\"revenue\":" + (i * 100) + "}");
        }
        List<String> names = new ArrayList<>();
        int pages = 0;
        URI next = client.newURIBuilder(root).appendEntitySetSegment("accounts").select("name", "revenue").build();
        while (next != null) {
            ODataEntitySetRequest<ClientEntitySet> request = client.getRetrieveRequestFactory().getEntitySetRequest(next);
            request.setPrefer(client.newPreferences().maxPageSize(3));
            ClientEntitySet page = request.execute().getBody();
            for (ClientEntity e : page.getEntities()) {
                names.add(e.getProperty("name").getPrimitiveValue().toString());
            }
            pages++;
            next = page.getNext();
        }
        assertEquals(3, pages);
        assertEquals(7, names.size());
        assertThat(names).contains("Olingo 0", "Olingo 6");

        ClientEntity created = client.getObjectFactory().newEntity(new FullQualifiedName(NS, "account"));
        created.getProperties().add(client.getObjectFactory().newPrimitiveProperty("name",
                client.getObjectFactory().newPrimitiveValueBuilder().buildString("Created by Olingo")));
        created.getProperties().add(client.getObjectFactory().newPrimitiveProperty("accountnumber",
                client.getObjectFactory().newPrimitiveValueBuilder().buildString("OL-1")));
        ODataEntityCreateRequest<ClientEntity> create = client.getCUDRequestFactory().getEntityCreateRequest(
                client.newURIBuilder(root).appendEntitySetSegment("accounts").build(), created);
        // Olingo's returnContent() sends a bare "return", which Dataverse (and the sandbox) ignore: 204
        create.setPrefer("return=representation");
        ODataEntityCreateResponse<ClientEntity> response = create.execute();
        assertEquals(201, response.getStatusCode());
        ClientEntity body = response.getBody();
        assertEquals("Created by Olingo", body.getProperty("name").getPrimitiveValue().toString());
        assertEquals(8, sandbox.rowCount("accounts"));
        assertThat(sandbox.rows("accounts")).anyMatch(r -> "OL-1".equals(r.get("accountnumber")));
    }
}
