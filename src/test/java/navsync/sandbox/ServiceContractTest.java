package navsync.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** WhoAmI [FUNC], {@code x-ms-dop-hint} [PARALLEL], {@code $metadata} and its change-tracking annotation [CT]. */
class ServiceContractTest extends SandboxTestBase {

    @Test
    void whoAmIAnswersTheDocumentedShapeWithADopHint() {
        WebApi.Resp r = api.get("WhoAmI").expect(200);
        JsonNode who = r.json();
        assertEquals(api.root() + "$metadata#Microsoft.Dynamics.CRM.WhoAmIResponse", who.get("@odata.context").asText());
        assertEquals(sandbox.callerUserId().toString(), who.get("UserId").asText());
        assertThat(who.get("BusinessUnitId").asText()).hasSize(36);
        assertThat(who.get("OrganizationId").asText()).hasSize(36);
        assertEquals("4", r.header("x-ms-dop-hint").orElseThrow(), "the sandbox's thread count");
        assertEquals("4.0", r.header("OData-Version").orElseThrow());
    }

    @Test
    void metadataDescribesEntitySetsColumnsAndLookups() {
        WebApi.Resp r = api.get("$metadata").expect(200);
        assertThat(r.header("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(r.body())
                .contains("<edmx:Edmx Version=\"4.0\"")
                .contains("<Schema Namespace=\"Microsoft.Dynamics.CRM\" Alias=\"mscrm\"")
                .contains("<EntitySet Name=\"accounts\" EntityType=\"mscrm.account\">")
                .contains("<EntitySet Name=\"transactioncurrencies\" EntityType=\"mscrm.transactioncurrency\">")
                .contains("<Property Name=\"accountnumber\" Type=\"Edm.String\"/>")
                .contains("<Property Name=\"_parentcustomerid_value\" Type=\"Edm.Guid\"/>")
                .contains("<NavigationProperty Name=\"parentcustomerid_account\" Type=\"mscrm.account\">")
                .contains("<NavigationPropertyBinding Path=\"primarycontactid\" Target=\"contacts\"/>")
                .contains("<Function Name=\"WhoAmI\">")
                .contains("<Action Name=\"UpsertMultiple\" IsBound=\"true\">")
                .doesNotContain("Org.OData.Capabilities.V1.ChangeTracking");
        assertThat(api.get("$metadata?annotations=true").expect(200).body())
                .contains("<Annotation Term=\"Org.OData.Capabilities.V1.ChangeTracking\"><Record>"
                        + "<PropertyValue Property=\"Supported\" Bool=\"true\"/></Record></Annotation>");
    }
}
