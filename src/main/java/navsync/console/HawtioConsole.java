package navsync.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import navsync.security.Credentials;
import org.eclipse.jetty.ee10.webapp.WebAppClassLoader;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Hawtio web console served by navsync itself: hawtio-war in an embedded Jetty 12 at
 * {@code http://<host>:<port>/hawtio/}. The war's own Jolokia servlet is replaced by
 * {@link JolokiaForwarder}, so the console reads and operates navsync through navsync's Jolokia on
 * the management port, under its access policy ({@code jolokia-access.xml}); the war runs in a class
 * loader of its own, so its libraries (Jolokia 2.1, log4j) never meet navsync's.
 */
public final class HawtioConsole implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HawtioConsole.class);
    /** Where the build puts hawtio-war (maven-dependency-plugin, see pom.xml). */
    static final String WAR_RESOURCE = "console/hawtio.war";
    public static final String CONTEXT_PATH = "/hawtio";

    private final Server server;
    private final String host;

    private HawtioConsole(Server server, String host) {
        this.server = server;
        this.host = host;
    }

    /**
     * Starts the console on {@code host:port} (port 0: any free port), forwarding Jolokia requests to
     * {@code jolokiaUrl}. With {@code credentials} (null: none) every request needs one of their users or
     * keys; without, the console listens on a loopback address only.
     */
    public static HawtioConsole start(String host, int port, String jolokiaUrl, Path workDir, Credentials credentials) {
        if (credentials == null) {
            requireLoopback(host);
        }
        // Hawtio reads its settings from system properties: no login page, no proxy to other JVMs
        System.setProperty("hawtio.authenticationEnabled", "false");
        System.setProperty("hawtio.disableProxy", "true");
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        WebAppContext webapp = new WebAppContext();
        webapp.setContextPath(CONTEXT_PATH);
        webapp.setWar(warFile(workDir).toString());
        webapp.setTempDirectory(workDir.resolve("webapp").toFile());
        webapp.setTempDirectoryPersistent(false);
        webapp.setClassLoader(new WebAppClassLoader(new ServletApiOnlyClassLoader(HawtioConsole.class.getClassLoader()),
                webapp));
        webapp.addOverrideDescriptor(resource("console/override-web.xml").toExternalForm());
        webapp.setAttribute(JolokiaForwarder.TARGET_ATTRIBUTE, jolokiaUrl);
        server.setHandler(new ConsoleGuard(webapp, credentials));
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IllegalStateException("the Hawtio console did not start on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
        if (webapp.getUnavailableException() != null) {
            throw new IllegalStateException("the Hawtio web application failed: "
                    + webapp.getUnavailableException().getMessage(), webapp.getUnavailableException());
        }
        HawtioConsole console = new HawtioConsole(server, host);
        LOG.info("Hawtio console on {} (Jolokia: {})", console.url(), jolokiaUrl);
        return console;
    }

    /** The console's address, e.g. {@code http://127.0.0.1:8888/hawtio/}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port() + CONTEXT_PATH + "/";
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static void requireLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("navsync.console.host is '" + host
                        + "': without authentication (navsync.security.*) the Hawtio console listens on a loopback"
                        + " address only (127.0.0.1 or ::1); reach it from elsewhere through an SSH tunnel");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("navsync.console.host '" + host + "' is not a known address", e);
        }
    }

    /** The war as a file: straight from the classpath folder, or copied out of a jar. */
    private static Path warFile(Path workDir) {
        URL war = resource(WAR_RESOURCE);
        try {
            if (war.getProtocol().equals("file")) {
                return Path.of(war.toURI());
            }
            Files.createDirectories(workDir);
            Path copy = workDir.resolve("hawtio.war");
            try (InputStream in = war.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the Hawtio war to " + workDir + ": " + e.getMessage(), e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL resource(String name) {
        URL url = HawtioConsole.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is not on the classpath; build with Maven (mvn compile), which"
                    + " copies io.hawt:hawtio-war there, or set navsync.console.enabled=false");
        }
        return url;
    }

    /**
     * Parent of the web application's class loader: the platform's classes, plus the Servlet API and
     * Jetty (which the webapp's default descriptor needs) and this package (the Jolokia forwarder) from
     * navsync's class path; nothing else of navsync's class path is visible to the war.
     */
    static final class ServletApiOnlyClassLoader extends ClassLoader {

        private final ClassLoader application;

        ServletApiOnlyClassLoader(ClassLoader application) {
            super("hawtio-parent", ClassLoader.getPlatformClassLoader());
            this.application = application;
        }

        private static boolean shared(String className) {
            return className.startsWith("jakarta.servlet.") || className.startsWith("org.eclipse.jetty.")
                    || className.startsWith(HawtioConsole.class.getPackageName() + ".");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (shared(name)) {
                return application.loadClass(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("jakarta/servlet/") ? application.getResource(name) : super.getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("jakarta/servlet/") ? application.getResources(name) : super.getResources(name);
        }
    }
}
