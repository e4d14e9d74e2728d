package org.elasticsearch.node;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.transport.TransportAddress;
import org.elasticsearch.env.Environment;
import org.elasticsearch.http.HttpServerTransport;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;
import org.elasticsearch.transport.netty4.Netty4Plugin;
import searchnode.NodeArgs;

/**
 * One Elasticsearch node in this JVM, from the jars Maven Central publishes: the server, and its
 * transport-netty4 module for HTTP, loaded from the class path by the test framework's
 * MockPluginsService, as Elasticsearch's own integration tests load it.
 *
 * Why not the test framework's MockNode: it reads its port range from ESTestCase, whose static
 * initializer runs the production bootstrap's native checks, and those refuse to run as root (as
 * CI runs). This class builds the node as MockNode does (it sits in MockNode's package because
 * NodeConstruction is package-private there), without ESTestCase.
 */
public final class SearchNode extends Node {
  private SearchNode(Environment environment) {
    super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
      @Override
      PluginsService newPluginService(Environment env, PluginsLoader loader) {
        return new MockPluginsService(env.settings(), env, List.of(Netty4Plugin.class));
      }
    }, true));
  }

  public static void main(String[] argv) {
    NodeArgs.run(argv, SearchNode::start);
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
    LogConfigurator.loadLog4jPlugins();
    LogConfigurator.configureESLogging();
    LogConfigurator.configureWithoutConfig(settings);
    Files.createDirectories(args.home().resolve("config"));
    Node node = new SearchNode(InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), args.home().resolve("config"), () -> "search-node"));
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
