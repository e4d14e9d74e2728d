package searchnode;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.core.common.transport.TransportAddress;
import org.opensearch.env.Environment;
import org.opensearch.http.HttpServerTransport;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, from the jars Maven Central publishes: the server, and its
 * transport-netty4 module for HTTP, given to the node as a class path plugin through the
 * constructor the test framework's MockNode uses.
 */
public final class OpenSearchNode extends Node {
  private OpenSearchNode(Environment environment) {
    super(environment, List.of(Netty4Plugin.class), true);
  }

  public static void main(String[] argv) {
    NodeArgs.run(argv, OpenSearchNode::start);
  }

  private static void start(NodeArgs args) throws Exception {
    Settings settings = Settings.builder()
        .put("path.home", args.home().toString())
        .put("cluster.name", "search-node")
        .put("node.name", "search-node")
        .put("discovery.type", "single-node")
        .put("network.host", "127.0.0.1")
        .put("http.port", args.port())
        .put("transport.port", "0")
        // a test machine's disk may be nearly full: the node must not stop taking writes for it
        .put("cluster.routing.allocation.disk.threshold_enabled", false)
        .build();
    LogConfigurator.registerErrorListener();
    LogConfigurator.configureWithoutConfig(settings);
    Files.createDirectories(args.home().resolve("config"));
    Node node = new OpenSearchNode(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), args.home().resolve("config"), () -> "search-node"));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        node.close();
        node.awaitClose(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        e.printStackTrace();
      }
    }, "search-node-stop"));
    node.start();
    TransportAddress bound = node.injector().getInstance(HttpServerTransport.class).boundAddress().publishAddress();
    args.serve("http://" + bound.getAddress() + ":" + bound.getPort());
  }
}
