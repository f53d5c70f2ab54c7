package navsync.sales;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import navsync.mapping.SalesEntity;
import navsync.mapping.SalesMetadata;

/**
 * The organization's tables as its CSDL document ({@code GET $metadata}) describes them: each
 * {@code EntityType}'s {@code Property} elements (with their Edm type; a lookup appears as
 * {@code _<attribute>_value}) and {@code NavigationProperty} names, base types included. Read once;
 * a {@code $filter} is checked by asking Sales for one row through it.
 */
public final class SalesCatalog implements SalesMetadata {

    private final Map<String, Table> tables;
    private final SalesReader reader;

    private SalesCatalog(Map<String, Table> tables, SalesReader reader) {
        this.tables = tables;
        this.reader = reader;
    }

    /** Reads {@code $metadata}; throws {@link SalesException} when Sales does not answer with it. */
    public static SalesCatalog read(SalesWebApi api) {
        SalesResponse response = api.send("GET", "$metadata", null, Map.of("Accept", "application/xml"));
        if (!response.isSuccess()) {
            throw new SalesException(response.error());
        }
        try {
            return new SalesCatalog(parse(response.body()), new SalesReader(api));
        } catch (XMLStreamException e) {
            throw new SalesException(new SalesError(response.status(), "", "$metadata is not a CSDL document: "
                    + e.getMessage()));
        }
    }

    @Override
    public Optional<Table> table(String logicalName) {
        return Optional.ofNullable(tables.get(logicalName));
    }

    @Override
    public Optional<String> filterError(SalesEntity entity, String filter) {
        try {
            reader.query(entity, List.of(), filter, 1);
            return Optional.empty();
        } catch (SalesException e) {
            // only the service's refusal of the filter itself; an outage says nothing about it
            return e.error().status() == 400 ? Optional.of(e.error().message()) : Optional.empty();
        }
    }

    private static Map<String, Table> parse(String csdl) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader xml = factory.createXMLStreamReader(new StringReader(csdl));
        Map<String, Table> declared = new LinkedHashMap<>();
        Map<String, String> baseTypes = new HashMap<>();
        Table current = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "EntityType" -> {
                        String name = xml.getAttributeValue(null, "Name");
                        current = new Table(name, new LinkedHashMap<>(), new LinkedHashSet<>());
                        declared.put(name, current);
                        String base = xml.getAttributeValue(null, "BaseType");
                        if (base != null) {
                            baseTypes.put(name, base.substring(base.lastIndexOf('.') + 1));
                        }
                    }
                    case "Property" -> {
                        if (current != null) {
                            current.properties().put(xml.getAttributeValue(null, "Name"), xml.getAttributeValue(null, "Type"));
                        }
                    }
                    case "NavigationProperty" -> {
                        if (current != null) {
                            current.navigationProperties().add(xml.getAttributeValue(null, "Name"));
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("EntityType")) {
                current = null;
            }
        }
        Map<String, Table> out = new HashMap<>();
        for (Table table : declared.values()) {
            Map<String, String> properties = new LinkedHashMap<>();
            Set<String> navigation = new LinkedHashSet<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Table t = table; t != null && seen.add(t.logicalName()); t = declared.get(baseTypes.get(t.logicalName()))) {
                t.properties().forEach(properties::putIfAbsent);
                navigation.addAll(t.navigationProperties());
            }
            out.put(table.logicalName(), new Table(table.logicalName(), Map.copyOf(properties), Set.copyOf(navigation)));
        }
        return Map.copyOf(out);
    }
}
