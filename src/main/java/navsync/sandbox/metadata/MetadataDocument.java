package navsync.sandbox.metadata;

import java.nio.charset.StandardCharsets;

import navsync.sandbox.schema.Attribute;
import navsync.sandbox.schema.AttributeType;
import navsync.sandbox.schema.EntityType;
import navsync.sandbox.schema.NavigationProperty;
import navsync.sandbox.schema.Schema;

/**
 * The CSDL ({@code $metadata}) of the served tables, enough for an OData client to discover the entity sets,
 * their columns, lookups and navigation properties, {@code WhoAmI} and the bulk actions: namespace
 * {@code Microsoft.Dynamics.CRM} (alias {@code mscrm}), container {@code System}, every table deriving from
 * {@code crmbaseentity}, systemuser from {@code principal} whose key is {@code ownerid} [ALTKEY]. With
 * {@code ?annotations=true} each entity set carries {@code Org.OData.Capabilities.V1.ChangeTracking} [CT]. Element
 * names follow OData 4.0 CSDL; Dataverse's full document has much more (inference: the reference describes only these
 * parts).
 */
public final class MetadataDocument {
    private static final String NS = "Microsoft.Dynamics.CRM";

    private MetadataDocument() {
    }

    public static byte[] write(Schema schema, boolean annotations) {
        StringBuilder x = new StringBuilder(32_768);
        x.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        x.append("<edmx:Edmx Version=\"4.0\" xmlns:edmx=\"http://docs.oasis-open.org/odata/ns/edmx\">\n");
        if (annotations) {
            x.append(" <edmx:Reference Uri=\"http://docs.oasis-open.org/odata/odata/v4.0/os/vocabularies/")
                    .append("Org.OData.Capabilities.V1.xml\">\n")
                    .append("  <edmx:Include Namespace=\"Org.OData.Capabilities.V1\" Alias=\"Capabilities\"/>\n")
                    .append(" </edmx:Reference>\n");
        }
        x.append(" <edmx:DataServices>\n");
        x.append("  <Schema Namespace=\"").append(NS).append("\" Alias=\"mscrm\" ")
                .append("xmlns=\"http://docs.oasis-open.org/odata/ns/edm\">\n");
        x.append("   <EntityType Name=\"crmbaseentity\" Abstract=\"true\"/>\n");
        x.append("   <EntityType Name=\"principal\" BaseType=\"mscrm.crmbaseentity\" Abstract=\"true\">")
                .append("<Key><PropertyRef Name=\"ownerid\"/></Key>")
                .append("<Property Name=\"ownerid\" Type=\"Edm.Guid\" Nullable=\"false\"/></EntityType>\n");
        for (EntityType t : schema.types()) {
            entityType(x, schema, t);
        }
        x.append("   <ComplexType Name=\"WhoAmIResponse\">")
                .append("<Property Name=\"BusinessUnitId\" Type=\"Edm.Guid\" Nullable=\"false\"/>")
                .append("<Property Name=\"UserId\" Type=\"Edm.Guid\" Nullable=\"false\"/>")
                .append("<Property Name=\"OrganizationId\" Type=\"Edm.Guid\" Nullable=\"false\"/></ComplexType>\n");
        x.append("   <ComplexType Name=\"CreateMultipleResponse\">")
                .append("<Property Name=\"Ids\" Type=\"Collection(Edm.Guid)\" Nullable=\"false\"/></ComplexType>\n");
        x.append("   <Function Name=\"WhoAmI\"><ReturnType Type=\"mscrm.WhoAmIResponse\" Nullable=\"false\"/>")
                .append("</Function>\n");
        for (String action : new String[] {"CreateMultiple", "UpdateMultiple", "UpsertMultiple"}) {
            x.append("   <Action Name=\"").append(action).append("\" IsBound=\"true\">")
                    .append("<Parameter Name=\"entityset\" Type=\"Collection(mscrm.crmbaseentity)\" Nullable=\"false\"/>")
                    .append("<Parameter Name=\"Targets\" Type=\"Collection(mscrm.crmbaseentity)\" Nullable=\"false\"/>");
            if (action.equals("CreateMultiple")) {
                x.append("<ReturnType Type=\"mscrm.CreateMultipleResponse\" Nullable=\"false\"/>");
            }
            x.append("</Action>\n");
        }
        x.append("   <EntityContainer Name=\"System\">\n");
        for (EntityType t : schema.types()) {
            entitySet(x, schema, t, annotations);
        }
        x.append("    <FunctionImport Name=\"WhoAmI\" Function=\"mscrm.WhoAmI\" IncludeInServiceDocument=\"false\"/>\n");
        x.append("   </EntityContainer>\n");
        x.append("  </Schema>\n </edmx:DataServices>\n</edmx:Edmx>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void entityType(StringBuilder x, Schema schema, EntityType t) {
        boolean principal = t.baseType().equals("principal");
        x.append("   <EntityType Name=\"").append(t.logicalName()).append("\" BaseType=\"mscrm.")
                .append(t.baseType()).append("\">");
        if (!principal) {
            x.append("<Key><PropertyRef Name=\"").append(t.primaryKey().logicalName()).append("\"/></Key>");
        }
        x.append('\n');
        for (Attribute a : t.attributes()) {
            if (principal && a == t.odataKey()) {
                continue; // inherited from principal
            }
            x.append("    <Property Name=\"").append(a.propertyName()).append("\" Type=\"")
                    .append(a.type().edmType()).append('"');
            if (a.type() == AttributeType.MONEY || a.type() == AttributeType.DECIMAL) {
                x.append(" Scale=\"Variable\"");
            }
            if (a.type() == AttributeType.DATETIME) {
                x.append(" Precision=\"0\"");
            }
            if (a.isPrimaryKey()) {
                x.append(" Nullable=\"false\"");
            }
            x.append("/>\n");
        }
        for (Attribute a : t.attributes()) {
            for (String name : a.navigation().keySet()) {
                NavigationProperty nav = t.navigationProperty(name);
                EntityType target = target(schema, nav);
                String targetType = nav.targets().size() > 1 && nav.targets().contains("systemuser") ? "principal"
                        : target == null ? "crmbaseentity" : target.logicalName();
                x.append("    <NavigationProperty Name=\"").append(name).append("\" Type=\"mscrm.")
                        .append(targetType).append("\">");
                String referenced = targetType.equals("principal") ? "ownerid"
                        : target == null ? null : target.primaryKey().logicalName();
                if (referenced != null) {
                    x.append("<ReferentialConstraint Property=\"").append(a.propertyName())
                            .append("\" ReferencedProperty=\"").append(referenced).append("\"/>");
                }
                x.append("</NavigationProperty>\n");
            }
        }
        x.append("   </EntityType>\n");
    }

    private static void entitySet(StringBuilder x, Schema schema, EntityType t, boolean annotations) {
        x.append("    <EntitySet Name=\"").append(t.entitySetName()).append("\" EntityType=\"mscrm.")
                .append(t.logicalName()).append("\">");
        for (Attribute a : t.attributes()) {
            for (String name : a.navigation().keySet()) {
                EntityType target = target(schema, t.navigationProperty(name));
                if (target != null) {
                    x.append("<NavigationPropertyBinding Path=\"").append(name).append("\" Target=\"")
                            .append(target.entitySetName()).append("\"/>");
                }
            }
        }
        if (annotations) {
            x.append("<Annotation Term=\"Org.OData.Capabilities.V1.ChangeTracking\"><Record>")
                    .append("<PropertyValue Property=\"Supported\" Bool=\"true\"/></Record></Annotation>");
        }
        x.append("</EntitySet>\n");
    }

    /** The served table a navigation property points to (the first served of its targets); null when none. */
    private static EntityType target(Schema schema, NavigationProperty nav) {
        for (String t : nav.targets()) {
            EntityType type = schema.byLogicalName(t);
            if (type != null) {
                return type;
            }
        }
        return null;
    }
}
