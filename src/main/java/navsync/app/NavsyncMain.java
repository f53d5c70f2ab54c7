package navsync.app;

public final class NavsyncMain {
    public static void main(String[] args) throws Exception {
        new org.apache.camel.main.Main(NavsyncMain.class).run(args);
    }
}
